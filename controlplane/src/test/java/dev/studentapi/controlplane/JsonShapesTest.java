package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shape comparison the moto test relies on finds what it must and ignores values. */
class JsonShapesTest {
    private static final JsonShapes SHAPES = new JsonShapes(Set.of("$.values"), Set.of("$.value"));

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void ignoresValuesAndNumberKinds() throws Exception {
        assertThat(SHAPES.differences(json("{'id':'a','n':5.0,'item':[{'x':true}]}"),
                json("{'id':'b','n':5,'item':[{'x':false}]}"))).isEmpty();
    }

    @Test
    void findsMissingExtraAndRetypedFields() throws Exception {
        assertThat(SHAPES.differences(json("{'id':1,'extra':'x','item':[{}]}"),
                json("{'id':'a','name':'n','item':[{'x':true}]}")))
                .containsExactlyInAnyOrder("$.id: NUMBER but reference has STRING", "$.name: missing, reference has STRING",
                        "$.item[].x: missing, reference has BOOLEAN", "$.extra: not in the reference");
    }

    @Test
    void treatsNullAsNotSentComparesMapValuesAndSkipsExemptions() throws Exception {
        assertThat(SHAPES.differences(json("{'values':{'k1':[[1,2]]}}"),
                json("{'tags':null,'value':'secret','values':{'k2':[[0,0]]}}"))).isEmpty();
        assertThat(SHAPES.differences(json("{'values':{'k1':[['1']]}}"), json("{'values':{'k2':[[0]]}}")))
                .containsExactly("$.values.*[][]: STRING but reference has NUMBER");
    }
}
