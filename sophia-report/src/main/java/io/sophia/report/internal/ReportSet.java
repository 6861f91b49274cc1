package io.sophia.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a set of files into a directory so that the directory holds either the previous set or
 * the new one, never a mix and never half a file, even when the process dies or the disk fills:
 *
 * <ol>
 *   <li>every file is written into a fresh {@code .sophia-tmp-*} directory inside the target
 *       (same file system, so the moves below are renames) and forced to disk;</li>
 *   <li>a {@value #COMMITTED} marker is written and forced: from here on the new set is the truth;</li>
 *   <li>each file is renamed over its old version, then the temporary directory is removed.</li>
 * </ol>
 *
 * A failure before step 2 removes the temporary directory: the previous set is untouched. A
 * process killed during step 3 leaves a committed temporary directory that the next write (or
 * {@link #recover(Path)}) finishes first, so the set is whole again; an uncommitted one is deleted.
 *
 * <p>A writer holds an exclusive lock on {@value #LOCK} inside its temporary directory until it is
 * done, and {@link #recover(Path)} leaves a locked directory alone: a reader that recovers while
 * another process writes neither deletes that writer's files nor races it for the renames. The
 * operating system drops the lock of a killed process, so its leftovers are recovered.
 */
public final class ReportSet {

    /** Prefix of the temporary directories. */
    public static final String TMP_PREFIX = ".sophia-tmp-";
    /** Marker of a temporary directory whose files are complete. */
    static final String COMMITTED = ".committed";
    /** The file a live writer holds locked inside its temporary directory. */
    static final String LOCK = ".lock";
    /**
     * The temporary directories this JVM is writing. POSIX drops a process's lock when it closes any channel to the
     * file, so a recover() in the writing JVM must not even try the lock: it looks here instead.
     */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    /** Where bytes go; a test replaces it to fail mid-write (a full disk) or to pause. */
    @FunctionalInterface
    public interface Sink {
        /** Writes {@code bytes} to {@code out}. */
        void write(String fileName, byte[] bytes, OutputStream out) throws IOException;

        /**
         * Called after {@code fileName} was renamed into place (a test stops or kills the writer here, between
         * two renames). Default: nothing.
         */
        default void moved(String fileName) throws IOException {
        }

        /** Writes everything at once. */
        Sink DIRECT = (name, bytes, out) -> out.write(bytes);
    }

    private ReportSet() {
    }

    /** The new set was committed but not all of it moved into place: {@link #recover} finishes it. */
    public static final class UnfinishedMove extends IOException {
        private static final long serialVersionUID = 1L;

        UnfinishedMove(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Writes {@code files} (name to content, in order) into {@code dir} as one set; returns their paths. */
    public static List<Path> write(Path dir, Map<String, String> files) throws IOException {
        return write(dir, files, Sink.DIRECT);
    }

    /** {@link #write(Path, Map)} with the bytes going through {@code sink}. */
    public static List<Path> write(Path dir, Map<String, String> files, Sink sink) throws IOException {
        Files.createDirectories(dir);
        recover(dir);
        for (String name : files.keySet()) {
            // checked before anything is written: a rename over a directory would fail halfway through the set
            if (Files.isDirectory(dir.resolve(name))) {
                throw new IOException(name + " is a directory");
            }
        }
        Path tmp = dir.resolve(TMP_PREFIX + UUID.randomUUID()).toAbsolutePath().normalize();
        WRITING.add(tmp);
        boolean moved = false;
        try {
            Files.createDirectory(tmp);
            List<Path> written;
            try (FileChannel lock = FileChannel.open(tmp.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                lock.lock();
                written = writeLocked(dir, tmp, files, sink);
            }
            moved = true;
            return written;
        } finally {
            // once the lock is released (Windows deletes no open file); a committed set not all moved stays for
            // recover() or the next write to finish
            if (moved || !Files.isRegularFile(tmp.resolve(COMMITTED))) {
                deleteQuietly(tmp);
            }
            WRITING.remove(tmp);
        }
    }

    /** Writes the set into {@code tmp}, commits it and moves it into place; the caller holds tmp's lock. */
    private static List<Path> writeLocked(Path dir, Path tmp, Map<String, String> files, Sink sink) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            writeForced(tmp.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8), f.getKey(), sink);
        }
        forceDirectory(tmp);
        writeForced(tmp.resolve(COMMITTED), String.join("\n", files.keySet()).getBytes(StandardCharsets.UTF_8),
                COMMITTED, Sink.DIRECT);
        forceDirectory(tmp);
        List<Path> written = new ArrayList<>();
        try {
            for (String name : files.keySet()) {
                written.add(move(tmp.resolve(name), dir.resolve(name)));
                sink.moved(name);
            }
            forceDirectory(dir);
        } catch (IOException | RuntimeException e) {
            // committed: the rest of the set stays in tmp, so recover() (or the next write) finishes it rather than
            // leaving old and new files side by side for good
            throw new UnfinishedMove("moving the committed set into place failed after " + written.size() + " of "
                    + files.size() + " files", e);
        }
        return List.copyOf(written);
    }

    /**
     * Finishes or discards what an interrupted write left in {@code dir}: a committed temporary
     * directory is moved into place, an uncommitted one is deleted. Nothing to do is the usual case.
     * A temporary directory a live writer still holds (its lock is taken, in this JVM or another) is
     * left alone.
     */
    public static void recover(Path dir) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TMP_PREFIX + "*")) {
            s.forEach(leftovers::add);
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path tmp : leftovers) {
            if (inUse(tmp)) {
                continue;
            }
            Path marker = tmp.resolve(COMMITTED);
            if (Files.isDirectory(tmp) && Files.isRegularFile(marker)) {
                for (String name : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                    Path from = tmp.resolve(name);
                    // a name that is not a plain file name of the set is not ours to move
                    if (!name.isBlank() && from.getParent().equals(tmp) && Files.isRegularFile(from)) {
                        move(from, dir.resolve(name));
                    }
                }
                forceDirectory(dir);
            }
            deleteQuietly(tmp);
        }
    }

    /** True when a live writer holds {@code tmp}: this JVM's, or another process's that holds the lock. */
    private static boolean inUse(Path tmp) throws IOException {
        if (WRITING.contains(tmp.toAbsolutePath().normalize())) {
            return true;
        }
        Path lockFile = tmp.resolve(LOCK);
        if (!Files.isRegularFile(lockFile)) {
            // a writer takes its lock right after creating the directory: one without is a leftover (in the rare
            // case that it is not, its writer fails with the previous set intact, it does not mix sets)
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock held = ch.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return true; // its writer finished meanwhile
        }
    }

    private static void writeForced(Path file, byte[] bytes, String name, Sink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
            };
            sink.write(name, bytes, out);
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("a temporary file already exists: " + file.getFileName(), e);
        }
    }

    private static Path move(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the directory's entries durable; not every platform can open a directory, which is then skipped. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; its renames are durable enough
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (!Files.exists(tmp)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: the next write's recover() removes what is left
                }
            });
        } catch (IOException e) {
            // best effort, as above
        }
    }
}
