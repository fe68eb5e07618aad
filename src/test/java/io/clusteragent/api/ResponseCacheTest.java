package io.clusteragent.api;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {

    @Test
    void answersOnlyForTheSameVersionAndSecond() {
        ResponseCache cache = new ResponseCache(1024);
        cache.put("/a", 7, 100, Buffer.buffer("{}"));

        assertThat(cache.get("/a", 7, 100)).isNotNull();
        assertThat(cache.get("/a", 8, 100)).as("the state moved").isNull();
        assertThat(cache.get("/a", 7, 101)).as("the clock moved").isNull();
        assertThat(cache.get("/b", 7, 100)).isNull();
    }

    @Test
    void evictsTheLeastRecentlyUsedAnswersBeyondItsSize() {
        ResponseCache cache = new ResponseCache(400);
        cache.put("/a", 1, 1, Buffer.buffer(new byte[100]));
        cache.put("/b", 1, 1, Buffer.buffer(new byte[100]));
        cache.get("/a", 1, 1);
        cache.put("/c", 1, 1, Buffer.buffer(new byte[100]));
        cache.put("/d", 1, 1, Buffer.buffer(new byte[100]));
        cache.put("/e", 1, 1, Buffer.buffer(new byte[100]));

        assertThat(cache.get("/b", 1, 1)).isNull();
        assertThat(cache.get("/a", 1, 1)).isNotNull();
        assertThat(cache.get("/e", 1, 1)).isNotNull();
    }

    @Test
    void sizeZeroKeepsNothing() {
        ResponseCache cache = new ResponseCache(0);
        cache.put("/a", 1, 1, Buffer.buffer("{}"));

        assertThat(cache.get("/a", 1, 1)).isNull();
    }
}
