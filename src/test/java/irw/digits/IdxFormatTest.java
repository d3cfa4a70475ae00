package irw.digits;

import irw.core.ClassSet;
import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxFormatTest {
    static final Path MNIST = Path.of("sample-data/mnist");
    static LabelledDataSet train;
    static LabelledDataSet test;

    @BeforeAll
    static void readSampleData() throws Exception {
        train = IdxFormat.read(MNIST.resolve("train-images-idx3-ubyte.gz"), MNIST.resolve("train-labels-idx1-ubyte.gz"));
        test = IdxFormat.read(MNIST.resolve("test-images-idx3-ubyte.gz"), MNIST.resolve("test-labels-idx1-ubyte.gz"));
    }

    @Test
    void readsTheMnistSubsetWithItsCountsAndClasses() {
        assertThat(train.size()).isEqualTo(6000);
        assertThat(test.size()).isEqualTo(2000);
        assertThat(train.shape()).containsExactly(28, 28);
        assertThat(train.classes()).isEqualTo(ClassSet.DIGITS);
        for (int k = 0; k < 10; k++) {
            assertThat(train.indicesOfClass(k)).as("train class %d", k).hasSize(600);
            assertThat(test.indicesOfClass(k)).as("test class %d", k).hasSize(200);
        }
        assertThat(train.ids().get(17)).isEqualTo("train-17");
    }

    @Test
    void pixelsMatchValuesCheckedByHand() {
        // Train image 0 is a "0"; its first ink in row 4 is 51,159,253 at columns 15-17 (dumped with Python).
        float[] zero = train.items()[0];
        assertThat(train.labels()[0]).isZero();
        assertThat(zero[4 * 28 + 15]).isEqualTo(51 / 255f);
        assertThat(zero[4 * 28 + 17]).isEqualTo(253 / 255f);
        assertThat(zero[9 * 28 + 20]).isEqualTo(1f);
        assertThat(zero[0]).isZero();
        // The last test image is a "9" whose first ink is 254 at row 6, column 13.
        assertThat(test.labels()[1999]).isEqualTo(9);
        assertThat(test.items()[1999][6 * 28 + 13]).isEqualTo(254 / 255f);
        for (float[] item : train.items()) {
            for (float v : item) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void writeThenReadGivesTheSameBytesGzippedOrPlain(@TempDir Path dir) throws Exception {
        LabelledDataSet some = test.subset(new int[]{0, 250, 1999});
        for (String ext : new String[]{"", ".gz"}) {
            Path im = dir.resolve("x-images-idx3-ubyte" + ext);
            Path lb = dir.resolve("x-labels-idx1-ubyte" + ext);
            IdxFormat.write(some, im, lb);
            LabelledDataSet back = IdxFormat.read(im, lb);
            assertThat(back.labels()).containsExactly(some.labels());
            for (int i = 0; i < some.size(); i++) {
                assertThat(back.items()[i]).containsExactly(some.items()[i]);
            }
            assertThat(IdxFormat.looksLikeImages(im)).isTrue();
            assertThat(IdxFormat.looksLikeImages(lb)).isFalse();
        }
        assertThat(Files.size(dir.resolve("x-images-idx3-ubyte"))).isEqualTo(16 + 3 * 784);
        byte[] head = Files.readAllBytes(dir.resolve("x-images-idx3-ubyte.gz"));
        assertThat(head[0] & 0xFF).isEqualTo(0x1f);
        assertThat(IdxFormat.readUnlabelled(dir.resolve("x-images-idx3-ubyte")).isLabelled()).isFalse();
    }

    @Test
    void corruptFilesGiveErrorsNamingTheFileAndProblem(@TempDir Path dir) throws Exception {
        byte[] images = gunzip(MNIST.resolve("test-images-idx3-ubyte.gz"));
        byte[] labels = gunzip(MNIST.resolve("test-labels-idx1-ubyte.gz"));
        Path lb = dir.resolve("labels");
        Files.write(lb, labels);

        Path truncated = write(dir, "truncated", Arrays.copyOf(images, images.length - 100));
        assertThatThrownBy(() -> IdxFormat.read(truncated, lb)).isInstanceOf(PatternFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("bytes");

        Path badMagic = write(dir, "badmagic", patchInt(images, 0, 1234));
        assertThatThrownBy(() -> IdxFormat.read(badMagic, lb)).hasMessageContaining("badmagic").hasMessageContaining("magic number 1234");

        assertThatThrownBy(() -> IdxFormat.read(lb, lb)).hasMessageContaining("this is a label file");

        Path hugeCount = write(dir, "hugecount", patchInt(images, 4, Integer.MAX_VALUE));
        assertThatThrownBy(() -> IdxFormat.read(hugeCount, lb)).hasMessageContaining("hugecount").hasMessageContaining("too large");

        Path zeroRows = write(dir, "zerorows", patchInt(images, 8, 0));
        assertThatThrownBy(() -> IdxFormat.read(zeroRows, lb)).hasMessageContaining("bad dimensions");

        Path trailing = write(dir, "trailing", Arrays.copyOf(images, images.length + 5));
        assertThatThrownBy(() -> IdxFormat.read(trailing, lb)).hasMessageContaining("trailing").hasMessageContaining("bytes");

        Path tiny = write(dir, "tiny", new byte[]{0, 0, 8});
        assertThatThrownBy(() -> IdxFormat.read(tiny, lb)).hasMessageContaining("too short for an IDX header");

        Path fewLabels = write(dir, "fewlabels", patchInt(Arrays.copyOf(labels, 8 + 1999), 4, 1999));
        Path im = write(dir, "images", images);
        assertThatThrownBy(() -> IdxFormat.read(im, fewLabels)).hasMessageContaining("fewlabels").hasMessageContaining("1999 labels but");

        byte[] bad = labels.clone();
        bad[8 + 3] = 10;
        Path notDigit = write(dir, "notdigit", bad);
        assertThatThrownBy(() -> IdxFormat.read(im, notDigit)).hasMessageContaining("label 10 of item 3");
    }

    @Test
    void truncatedGzipIsReportedNotSilentlyShortened(@TempDir Path dir) throws Exception {
        byte[] gz = Files.readAllBytes(MNIST.resolve("test-images-idx3-ubyte.gz"));
        Path cut = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxFormat.readUnlabelled(cut)).isInstanceOf(PatternFormatException.class)
                .hasMessageContaining("cut.gz").hasMessageMatching("(?s).*(truncated|corrupt).*");
    }

    /**
     * Issue 15 item 6, the probe's input: a 40-byte gzip whose header claims 2.7 M images gave an
     * OutOfMemoryError (the reader allocated before reading). Now the count is checked against what
     * the stream can hold, and images are read one by one.
     */
    @Test
    void aGzipThatClaimsMillionsOfImagesIsRefusedBeforeAllocating(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(ByteBuffer.allocate(16).putInt(IdxFormat.IMAGES_MAGIC).putInt(2_700_000).putInt(28).putInt(28).array());
        }
        Path forged = write(dir, "forged-images-idx3-ubyte.gz", bytes.toByteArray());
        assertThat(Files.size(forged)).isLessThan(60);
        long before = usedHeap();
        assertThatThrownBy(() -> IdxFormat.readUnlabelled(forged)).isInstanceOf(PatternFormatException.class)
                .hasMessageStartingWith(forged.toString())
                .hasMessageContaining("the header claims 2700000 images of 28x28 (2,116,800,016 bytes)")
                .hasMessageContaining("a corrupt or forged count");
        assertThat(usedHeap() - before).as("no 8 GB float array was attempted").isLessThan(256L << 20);

        // a claim the stream could hold but does not: read incrementally, refused where the data ends
        bytes.reset();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(ByteBuffer.allocate(16).putInt(IdxFormat.IMAGES_MAGIC).putInt(30).putInt(28).putInt(28).array());
            gz.write(new byte[28 * 28 * 3]);
        }
        Path short3 = write(dir, "short-images-idx3-ubyte.gz", bytes.toByteArray());
        assertThatThrownBy(() -> IdxFormat.readUnlabelled(short3)).hasMessageContaining("truncated: the header says 30 images")
                .hasMessageContaining("ends in image 3");
        // the service names the spec field and the file, and gives no "lower the batch size" advice
        assertThatThrownBy(() -> irw.service.DataSetFiles.load(forged, "data.train")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("data.train: " + forged).hasMessageNotContaining("batch");
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] patchInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
