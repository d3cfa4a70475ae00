package irw.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * One workbench window per user: the first workbench holds a lock in the user's runtime folder and
 * listens on loopback; a later start (a second double-click on a file) hands its paths to it and
 * exits, so the file opens in the running window.
 * <p>
 * The lock ({@code workbench.lock}) is an OS file lock, released by the system when the process
 * ends, so a crashed workbench never blocks the next one. The address file ({@code workbench.address}:
 * port and a random token) is owner-only in an owner-only folder, and a hand-over without the token
 * is refused, so another local user cannot make the workbench open files.
 */
public final class SingleInstance implements AutoCloseable {
    static final String LOCK_FILE = "workbench.lock";
    static final String ADDRESS_FILE = "workbench.address";
    private static final String PROTOCOL = "irw-open/1";
    private static final String CONFIRMED = "OK";
    private static final int MAX_PATHS = 100_000;
    private static final int IO_TIMEOUT_MILLIS = 5_000;

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private ServerSocket server;

    private SingleInstance(Path folder, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder} if no running workbench holds it. The result is primary (it
     * holds the lock until {@link #close()}) or secondary (another workbench runs: hand over to it).
     */
    public static SingleInstance claim(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        createOwnerOnlyFolder(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very JVM holds it
        }
        if (lock == null) {
            channel.close();
            return new SingleInstance(dir, null, null);
        }
        // An address left by a workbench that crashed points nowhere: a later start must wait for ours.
        Files.deleteIfExists(dir.resolve(ADDRESS_FILE));
        return new SingleInstance(dir, channel, lock);
    }

    public boolean isPrimary() {
        return lock != null;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Primary: listens on loopback and gives the paths of each hand-over to {@code opener}, on the
     * listener thread (the caller moves them to its UI thread). An empty list asks to show the window.
     */
    public synchronized void acceptHandOvers(Consumer<List<Path>> opener) throws IOException {
        if (!isPrimary()) {
            throw new IllegalStateException("only the workbench that holds " + folder.resolve(LOCK_FILE) + " accepts hand-overs");
        }
        if (server != null) {
            throw new IllegalStateException("already accepting hand-overs");
        }
        String token = HexFormat.of().formatHex(randomBytes());
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        writeOwnerOnly(folder.resolve(ADDRESS_FILE), server.getLocalPort() + " " + token + " " + ProcessHandle.current().pid() + "\n");
        ServerSocket listening = server;
        Thread thread = new Thread(() -> serve(listening, token, opener), "workbench-hand-over");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Secondary: hands {@code paths} (made absolute here, as the running workbench has another
     * working directory) to the running workbench. Waits up to {@code timeout} for it to listen,
     * since it may still be starting. True when it confirmed.
     */
    public boolean handOver(List<Path> paths, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> absolute = paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        do {
            try {
                Address address = Address.read(folder.resolve(ADDRESS_FILE));
                if (address != null) {
                    // it answered: confirmed, or refused (then sending again would not help)
                    return CONFIRMED.equals(send(address, absolute));
                }
            } catch (IOException e) {
                // not listening yet, or gone: try again until the deadline
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Stops listening, removes the address and releases the lock. */
    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(folder.resolve(ADDRESS_FILE));
            }
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            // best effort at exit: the system releases the lock with the process anyway
        }
    }

    private static void serve(ServerSocket listening, String token, Consumer<List<Path>> opener) {
        while (!listening.isClosed()) {
            try (Socket client = listening.accept()) {
                client.setSoTimeout(IO_TIMEOUT_MILLIS);
                DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                String reply = receive(in, token, opener);
                out.writeUTF(reply);
                out.flush();
            } catch (IOException e) {
                // a client that went away or spoke garbage: wait for the next one
            }
        }
    }

    private static String receive(DataInputStream in, String token, Consumer<List<Path>> opener) throws IOException {
        if (!PROTOCOL.equals(in.readUTF())) {
            return "unknown protocol";
        }
        byte[] given = in.readUTF().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            return "wrong token";
        }
        int count = in.readInt();
        if (count < 0 || count > MAX_PATHS) {
            return "bad path count " + count;
        }
        List<Path> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paths.add(Path.of(in.readUTF()));
        }
        try {
            opener.accept(List.copyOf(paths));
        } catch (RuntimeException e) {
            return "the workbench could not open them: " + e.getMessage();
        }
        return CONFIRMED;
    }

    /** The running workbench's reply: {@value #CONFIRMED}, or why it refused. */
    private static String send(Address address, List<String> paths) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()), IO_TIMEOUT_MILLIS);
            socket.setSoTimeout(IO_TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(PROTOCOL);
            out.writeUTF(address.token());
            out.writeInt(paths.size());
            for (String p : paths) {
                out.writeUTF(p);
            }
            out.flush();
            return new DataInputStream(socket.getInputStream()).readUTF();
        }
    }

    private record Address(int port, String token) {
        static Address read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            if (parts.length < 2) {
                return null; // being written: the rename makes that rare, but never read half a file
            }
            try {
                return new Address(Integer.parseInt(parts[0]), parts[1]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void createOwnerOnlyFolder(Path dir) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Owner-only from the start (a temporary file is 0600), then renamed over the old one. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
