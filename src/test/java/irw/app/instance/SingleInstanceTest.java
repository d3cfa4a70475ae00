package irw.app.instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SingleInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStartHandsItsFilesToTheRunningWorkbench() throws Exception {
        Path folder = dir.resolve("run");
        List<List<Path>> opened = new CopyOnWriteArrayList<>();
        try (SingleInstance first = SingleInstance.claim(folder)) {
            assertThat(first.isPrimary()).isTrue();
            first.acceptHandOvers(opened::add);

            SingleInstance second = SingleInstance.claim(folder);
            assertThat(second.isPrimary()).isFalse();
            Path relative = Path.of("sample-data/measured/MnO.xy");
            assertThat(second.handOver(List.of(relative), Duration.ofSeconds(5))).isTrue();
            // made absolute by the sender: the running workbench has another working directory
            assertThat(opened).containsExactly(List.of(relative.toAbsolutePath().normalize()));

            assertThat(second.handOver(List.of(), Duration.ofSeconds(5))).isTrue();
            assertThat(opened).hasSize(2).last().asList().isEmpty();
        }
    }

    @Test
    void theFolderAndTheAddressAreOwnerOnly() throws Exception {
        Path folder = dir.resolve("run");
        try (SingleInstance first = SingleInstance.claim(folder)) {
            first.acceptHandOvers(paths -> { });
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(SingleInstance.ADDRESS_FILE))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aHandOverWithoutTheTokenIsRefused() throws Exception {
        Path folder = dir.resolve("run");
        List<List<Path>> opened = new CopyOnWriteArrayList<>();
        try (SingleInstance first = SingleInstance.claim(folder)) {
            first.acceptHandOvers(opened::add);
            int port = Integer.parseInt(Files.readString(folder.resolve(SingleInstance.ADDRESS_FILE)).split(" ")[0]);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeUTF("irw-open/1");
                out.writeUTF("not-the-token");
                out.flush(); // the listener answers and hangs up after the token: it reads no paths from a stranger
                assertThat(new java.io.DataInputStream(s.getInputStream()).readUTF()).isEqualTo("wrong token");
            }
            // the listener goes on serving the real workbench after refusing
            assertThat(SingleInstance.claim(folder).handOver(List.of(dir), Duration.ofSeconds(5))).isTrue();
            assertThat(opened).containsExactly(List.of(dir.toAbsolutePath()));
        }
    }

    @Test
    void afterTheWorkbenchClosesTheNextStartIsTheRunningOne() throws Exception {
        Path folder = dir.resolve("run");
        SingleInstance first = SingleInstance.claim(folder);
        first.acceptHandOvers(paths -> { });
        first.close();
        assertThat(folder.resolve(SingleInstance.ADDRESS_FILE)).doesNotExist();
        try (SingleInstance next = SingleInstance.claim(folder)) {
            assertThat(next.isPrimary()).isTrue();
        }
    }

    @Test
    void aStaleAddressIsRemovedAndAHandOverWithNobodyListeningGivesUp() throws Exception {
        Path folder = dir.resolve("run");
        Files.createDirectories(folder);
        // what a crashed workbench leaves: an address nobody listens on
        Files.writeString(folder.resolve(SingleInstance.ADDRESS_FILE), "1 deadbeef 4242\n");
        try (SingleInstance first = SingleInstance.claim(folder)) {
            assertThat(folder.resolve(SingleInstance.ADDRESS_FILE)).doesNotExist();
            // primary, but not yet listening: a second start waits, then gives up within its time
            long start = System.nanoTime();
            assertThat(SingleInstance.claim(folder).handOver(List.of(dir), Duration.ofMillis(500))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
