"""moto_server answering one request at a time: usage python3 serial_moto_server.py HOST PORT.

moto checks a write's condition and then writes, with other requests' threads free to run in between, so under
the stock threaded server two concurrent conditional writes can both succeed, which DynamoDB never allows. One
request at a time makes each condition and its write atomic, as on DynamoDB; a client that reads and then writes
can still lose an update, so race tests keep their meaning. Exit status 3 when moto is not importable here.
"""
import os
import sys

try:
    from werkzeug.serving import run_simple
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
except ImportError as missing:
    print(f"moto is not importable by {sys.executable}: {missing}", file=sys.stderr)
    sys.exit(3)

host, port = sys.argv[1], int(sys.argv[2])
os.environ.setdefault("MOTO_PORT", str(port))
run_simple(host, port, DomainDispatcherApplication(create_backend_app), threaded=False)
