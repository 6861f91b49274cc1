package io.sophia.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.util.UUID;
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
 */
public final class ReportSet {

    /** Prefix of the temporary directories. */
    public static final String TMP_PREFIX = ".sophia-tmp-";
    /** Marker of a temporary directory whose files are complete. */
    static final String COMMITTED = ".committed";

    /** Where bytes go; a test replaces it to fail mid-write (a full disk) or to pause. */
    @FunctionalInterface
    public interface Sink {
        /** Writes {@code bytes} to {@code out}. */
        void write(String fileName, byte[] bytes, OutputStream out) throws IOException;

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
        Path tmp = dir.resolve(TMP_PREFIX + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                writeForced(tmp.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8), f.getKey(), sink);
            }
            forceDirectory(tmp);
            writeForced(tmp.resolve(COMMITTED), String.join("\n", files.keySet()).getBytes(StandardCharsets.UTF_8),
                    COMMITTED, Sink.DIRECT);
            forceDirectory(tmp);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
        List<Path> written = new ArrayList<>();
        try {
            for (String name : files.keySet()) {
                written.add(move(tmp.resolve(name), dir.resolve(name)));
            }
            forceDirectory(dir);
        } catch (IOException | RuntimeException e) {
            // committed: the rest of the set stays in tmp, so recover() (or the next write) finishes it rather than
            // leaving old and new files side by side for good
            throw new UnfinishedMove("moving the committed set into place failed after " + written.size() + " of "
                    + files.size() + " files", e);
        }
        deleteQuietly(tmp);
        return List.copyOf(written);
    }

    /**
     * Finishes or discards what an interrupted write left in {@code dir}: a committed temporary
     * directory is moved into place, an uncommitted one is deleted. Nothing to do is the usual case.
     */
    public static void recover(Path dir) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TMP_PREFIX + "*")) {
            s.forEach(leftovers::add);
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path tmp : leftovers) {
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
