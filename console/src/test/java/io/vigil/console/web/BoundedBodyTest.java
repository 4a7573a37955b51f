package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyWithinTheLimitIsReturnedWhole() throws Exception {
        byte[] body = new byte[1000];
        body[999] = 7;
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), 1000).orElseThrow());
    }

    @Test
    void aBodyOverTheLimitIsRefusedAfterTheRestIsReadSoTheSenderCanReadTheAnswer() throws Exception {
        var in = new ByteArrayInputStream(new byte[6 * 1024 * 1024]);
        assertTrue(BoundedBody.read(in, 5 * 1024 * 1024).isEmpty());
        assertEquals(0, in.available(), "the rest of the body is read and dropped");
    }

    @Test
    void onlyABoundedAmountBeyondTheLimitIsRead() throws Exception {
        int limit = 1024;
        var in = new ByteArrayInputStream(new byte[(int) (limit + 1 + BoundedBody.SWALLOW_BYTES + 5000)]);
        assertTrue(BoundedBody.read(in, limit).isEmpty());
        assertEquals(5000, in.available(), "past the bound the connection is closed instead");
    }
}
