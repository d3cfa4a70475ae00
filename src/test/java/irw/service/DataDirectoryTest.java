package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.api.JobState;
import irw.service.store.JobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 items 12 and 13 on real directories, a real job store and a real server on loopback:
 * what the probe left in a data directory (wide permissions, temporaries of interrupted writes,
 * artifacts behind symbolic links, unusable paths) and what the service makes of it at start.
 */
class DataDirectoryTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private TrainingService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anExistingDataDirectoryAndItsJobStoreBecomeOwnerOnly() throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("service"));
        try (JobStore store = JobStore.open(dataDir.resolve("jobs.db"), json)) {
            store.insert("refiner", json.createObjectNode());
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir.resolve("jobs.db"), PosixFilePermissions.fromString("rw-r--r--"));

        service = TrainingService.start(ServiceConfig.local(dataDir), new JobRunners(Map.of()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        for (String f : new String[]{"jobs.db", "jobs.db-wal", "token"}) {
            if (Files.exists(dataDir.resolve(f))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(f)))).as(f).isEqualTo("rw-------");
            }
        }
        assertThat(dataDir.resolve("jobs.db")).exists();
    }

    @Test
    void temporariesOfWritesAKillInterruptedAreRemovedAtStart() throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("service"));
        Path jobDir = Files.createDirectories(dataDir.resolve("jobs/job-1"));
        Path checkpointTmp = jobDir.resolve(".checkpoint.4471982731.tmp");
        Files.write(checkpointTmp, new byte[3 << 20]);
        Path tokenTmp = dataDir.resolve(".token.99182.tmp");
        Files.writeString(tokenTmp, "half a token");
        Path checkpoint = jobDir.resolve("checkpoint");
        Files.write(checkpoint, new byte[]{1, 2, 3});
        Path usersFile = jobDir.resolve("notes.tmp");
        Files.writeString(usersFile, "not ours");

        service = TrainingService.start(ServiceConfig.local(dataDir), new JobRunners(Map.of()));
        assertThat(checkpointTmp).doesNotExist();
        assertThat(tokenTmp).doesNotExist();
        assertThat(checkpoint).hasBinaryContent(new byte[]{1, 2, 3});
        assertThat(usersFile).exists();
    }

    @Test
    void noArtifactIsServedThroughASymbolicLink() throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("service"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the user's private notes");
        Path outsideDir = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("model.irwm"), "a file outside the data directory");
        String linked;
        String linkedDir;
        try (JobStore store = JobStore.open(dataDir.resolve("jobs.db"), json)) {
            linked = finished(store);
            Path jobDir = Files.createDirectories(dataDir.resolve("jobs").resolve(linked));
            Files.createSymbolicLink(jobDir.resolve("model.irwm"), secret);
            store.addArtifact(linked, "model.irwm", "model.irwm", 10);
            linkedDir = finished(store);
            Files.createDirectories(dataDir.resolve("jobs"));
            Files.createSymbolicLink(dataDir.resolve("jobs").resolve(linkedDir), outsideDir);
            store.addArtifact(linkedDir, "model.irwm", "model.irwm", 10);
        }
        service = TrainingService.start(ServiceConfig.local(dataDir), new JobRunners(Map.of()));
        for (String job : new String[]{linked, linkedDir}) {
            RawHttp.Answer answer = RawHttp.get(service.port(), "/api/jobs/" + job + "/artifacts/model.irwm", service.token());
            assertThat(answer.status()).as(job).isEqualTo(403);
            assertThat(answer.text()).contains("symbolic link").doesNotContain("private notes").doesNotContain("outside the data");
        }
    }

    @Test
    void anUnusableDataDirectoryIsReportedWithTheFileAndTheProblem() throws Exception {
        Path lockIsADirectory = Files.createDirectories(dir.resolve("a/service.lock"));
        assertThatThrownBy(() -> TrainingService.start(ServiceConfig.local(lockIsADirectory.getParent()), new JobRunners(Map.of())))
                .hasMessageContaining(lockIsADirectory.toString()).hasMessageContaining("is a directory");
        Path aFile = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> TrainingService.start(ServiceConfig.local(aFile), new JobRunners(Map.of())))
                .hasMessageContaining(aFile.toString()).hasMessageContaining("already exists");
    }

    private String finished(JobStore store) {
        String id = store.insert("refiner", json.createObjectNode());
        store.claimNext();
        store.finish(id, JobState.FINISHED, null);
        return id;
    }
}
