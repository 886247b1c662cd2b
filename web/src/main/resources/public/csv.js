// Reads the first rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) for the import preview.

/** The rows of text, each a list of fields; a last row cut short (complete === false) is left out. */
export function parseCsv(text, { complete = true, maxRows = Infinity } = {}) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark is not part of the first name
  let rowStart = i;
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      rowStart = i + 1;
    } else {
      field += c;
    }
  }
  if (rows.length < maxRows && complete && (field !== '' || row.length > 0) && rowStart < text.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The header and up to `count` data rows of the start of a file; the bytes read are at most `bytes`. */
export async function previewCsv(file, { count = 5, bytes = 64 * 1024 } = {}) {
  const whole = file.size <= bytes;
  const text = new TextDecoder('utf-8').decode(await file.slice(0, bytes).arrayBuffer());
  const rows = parseCsv(text, { complete: whole, maxRows: count + 1 });
  return { header: rows[0] ?? [], rows: rows.slice(1), whole };
}
