package irw.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {
    @Test
    void outOfMemorySaysWhatToDo() {
        assertThat(FailureReason.of(new OutOfMemoryError("Java heap space")))
                .startsWith("out of memory: Java heap space").contains("batch size");
        assertThat(FailureReason.of(new RuntimeException("step 3 failed", new OutOfMemoryError("Cannot allocate 4096 MB"))))
                .startsWith("out of memory: ").contains("step 3 failed").contains("Cannot allocate 4096 MB");
    }

    @Test
    void causesAreChainedWithoutRepeats() {
        IOException io = new IOException("/data/ideal.npz: truncated");
        assertThat(FailureReason.of(new UncheckedIOException(io))).isEqualTo("java.io.IOException: /data/ideal.npz: truncated");
        assertThat(FailureReason.of(new IllegalStateException("loading failed", io))).isEqualTo("loading failed: /data/ideal.npz: truncated");
        assertThat(FailureReason.of(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
