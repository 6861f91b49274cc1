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
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Two writers of one directory take turns: each holds {@value #DIR_LOCK} in the directory locked from
 * its recovery to its last rename (a thread of this JVM waits for another on a semaphore first, since a
 * JVM's file locks are the process's, not the thread's). Without it the renames of two runs could
 * interleave and leave report.md of one beside report.json of the other. A writer that finds the
 * directory held waits, polling, for as long as it was given, then fails with {@link Busy}, the
 * previous set intact and nothing written. The lock file stays (removing it would let a third writer
 * lock a new file while a second one waits on the old); the operating system drops the lock of a
 * killed writer. Where {@value #DIR_LOCK} cannot be opened or locked for a reason other than another
 * holder (owned by another user, a file system without locks), the writer warns through
 * {@link System.Logger} and goes on with this JVM's turn-taking only, rather than failing a write
 * into a writable directory.
 */
public final class ReportSet {

    /** Prefix of the temporary directories. */
    public static final String TMP_PREFIX = ".sophia-tmp-";
    /** Marker of a temporary directory whose files are complete. */
    static final String COMMITTED = ".committed";
    /** The file a live writer holds locked inside its temporary directory. */
    static final String LOCK = ".lock";
    /** The file a writer holds locked in the output directory while it writes there. */
    public static final String DIR_LOCK = ".sophia-lock";
    /** How often a waiting writer tries the directory's lock again: a file lock cannot be waited for with a bound. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    /** One writer per directory in this JVM: the semaphore is taken before the file lock is even opened. */
    private static final ConcurrentHashMap<Object, Writers> DIR_WRITERS = new ConcurrentHashMap<>();
    /**
     * Channels that met another channel's lock of this JVM on their file (a hard link): never closed while that
     * lock may be held, since closing one would drop the other channel's lock (POSIX), and kept reachable so that no
     * cleaner closes them. Rare: the directory key below makes this JVM's own writers take turns first.
     */
    private static final Set<FileChannel> PARKED = ConcurrentHashMap.newKeySet();
    private static final System.Logger LOG = System.getLogger(ReportSet.class.getName());
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

        /**
         * Called once when another writer holds the directory and this one starts waiting for it (a test
         * releases the other writer here, so that nothing depends on timing). Default: nothing.
         */
        default void waiting() {
        }

        /** Writes everything at once. */
        Sink DIRECT = (name, bytes, out) -> out.write(bytes);
    }

    /** Another writer held the directory for longer than this one was allowed to wait; nothing was written. */
    public static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Duration waited;

        Busy(Path dir, Duration waited) {
            super("another writer is writing reports into " + dir);
            this.waited = waited;
        }

        /** {@return how long this writer waited} */
        public Duration waited() {
            return waited;
        }
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

    /**
     * Writes {@code files} (name to content, in order) into {@code dir} as one set, waiting up to {@code wait} for
     * another writer of {@code dir}; returns their paths.
     *
     * @throws Busy when another writer still held {@code dir} after {@code wait}
     */
    public static List<Path> write(Path dir, Map<String, String> files, Duration wait) throws IOException {
        return write(dir, files, Sink.DIRECT, wait);
    }

    /** {@link #write(Path, Map, Duration)} with the bytes going through {@code sink}. */
    public static List<Path> write(Path dir, Map<String, String> files, Sink sink, Duration wait) throws IOException {
        Files.createDirectories(dir);
        try (DirLock held = DirLock.acquire(dir, wait, sink)) {
            return writeHeld(dir, files, sink);
        }
    }

    /**
     * Holds a directory for one writer: this JVM's semaphore of the directory, then the file lock in it.
     *
     * @param key     the directory's key in {@link #DIR_WRITERS}
     * @param local   this JVM's writers of the directory, whose semaphore this writer holds
     * @param channel the lock file's channel, holding its lock; null when the lock file could not be used: then only
     *                this JVM's writers take turns
     */
    private record DirLock(Object key, Writers local, FileChannel channel) implements AutoCloseable {

        static DirLock acquire(Path dir, Duration wait, Sink sink) throws IOException {
            // the real path, and the file system's key of the directory where it has one (a bind mount): one
            // directory reached through a symbolic link or two spellings is one key, so this JVM never opens a second
            // channel to a lock file it holds (closing that would drop the held lock)
            Path real = dir.toRealPath();
            Object fileKey = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
            Object key = fileKey == null ? real : fileKey;
            long start = System.nanoTime();
            // saturating: Duration.toNanos() throws for waits beyond ~292 years (--lock-wait 200000d)
            long budget = Math.max(0, TimeUnit.NANOSECONDS.convert(wait));
            Deadline deadline = new Deadline(dir, sink, start, budget);
            Writers local = Writers.enter(key);
            boolean told = awaitJvmTurn(key, local, deadline);
            FileChannel channel = null;
            boolean done = false;
            try {
                channel = openLockFile(real);
                if (channel != null) {
                    awaitFileLock(channel, real, deadline, told);
                }
                if (channel != null && !channel.isOpen()) {
                    channel = null; // tryLock failed for a reason other than another holder: fell back
                }
                done = true;
                return new DirLock(key, local, channel);
            } finally {
                // an Error too: a semaphore kept by a failed writer would make every later write of this JVM busy
                if (!done) {
                    abandon(key, local, channel);
                }
            }
        }

        /**
         * How long a writer of {@code dir} may wait for it: {@code budget} nanoseconds from {@code start} (a
         * {@link System#nanoTime()}); {@code sink} is told once when the writer starts waiting.
         */
        private record Deadline(Path dir, Sink sink, long start, long budget) {

            /** {@return the nanoseconds left to wait (none left: zero or less)} */
            long left() {
                return budget - (System.nanoTime() - start);
            }

            /** {@return the failure of a writer whose wait ran out now} */
            Busy busy() {
                return new Busy(dir, Duration.ofNanos(System.nanoTime() - start));
            }
        }

        /**
         * Takes the semaphore of this JVM's writers of the directory ({@code local}, entered under {@code key}),
         * waiting up to the whole budget; returns whether the sink was told of the wait. When it fails (busy,
         * interrupted, or anything thrown) the writer has left {@code local} again.
         */
        private static boolean awaitJvmTurn(Object key, Writers local, Deadline deadline) throws IOException {
            boolean told = false;
            boolean acquired = false;
            try {
                if (!local.semaphore.tryAcquire()) {
                    deadline.sink().waiting();
                    told = true;
                    if (!local.semaphore.tryAcquire(deadline.budget(), TimeUnit.NANOSECONDS)) {
                        throw deadline.busy();
                    }
                }
                acquired = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for another writer of "
                        + deadline.dir());
            } finally {
                if (!acquired) {
                    Writers.leave(key);
                }
            }
            return told;
        }

        /**
         * Polls the lock of {@code channel} (the lock file of {@code real}) until this writer holds it or
         * {@link #tryLock} fell back (then the channel is closed); tells the sink of the wait unless {@code told}.
         *
         * @throws Busy when the deadline passes first
         */
        private static void awaitFileLock(FileChannel channel, Path real, Deadline deadline, boolean told)
                throws IOException {
            boolean waitingTold = told;
            while (!tryLock(channel, real)) {
                long left = deadline.left();
                if (left <= 0) {
                    throw deadline.busy();
                }
                if (!waitingTold) {
                    deadline.sink().waiting();
                    waitingTold = true;
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting for another writer of "
                            + deadline.dir());
                }
            }
        }

        /** Undoes a failed {@link #acquire} after this JVM's turn was taken: the lock file's channel, the turn. */
        private static void abandon(Object key, Writers local, FileChannel channel) throws IOException {
            try {
                // a parked channel stays open, unlocked: another channel of this JVM holds the file
                if (channel != null && channel.isOpen() && !PARKED.contains(channel)) {
                    channel.close();
                }
            } finally {
                local.semaphore.release();
                Writers.leave(key);
            }
        }

        /**
         * Opens {@code dir}'s lock file, or returns null (with a warning) when it cannot be opened for a reason other
         * than the directory itself being unusable: a {@value #DIR_LOCK} owned by another user, or not a file. The
         * write then goes on with this JVM's lock only; it fails later, with its own reason, if the directory is not
         * writable either.
         */
        private static FileChannel openLockFile(Path dir) {
            try {
                return FileChannel.open(dir.resolve(DIR_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                warnUnlocked(dir, "cannot be opened", e);
                return null;
            }
        }

        /**
         * True when this writer now holds the lock; false when another holder has it (another process, or, through a
         * second path to the same file, this JVM). A lock the file system refuses for another reason (no fcntl locks:
         * "No locks available") closes the channel, warns and returns true: this JVM's lock alone from then on.
         */
        private static boolean tryLock(FileChannel channel, Path dir) throws IOException {
            try {
                return channel.tryLock() != null;
            } catch (OverlappingFileLockException e) {
                PARKED.add(channel);
                return false; // held by this JVM through another channel: busy, as for another process
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                warnUnlocked(dir, "cannot be locked", e);
                return true;
            }
        }

        private static void warnUnlocked(Path dir, String what, IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> DIR_LOCK + " in " + dir + " " + what + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "): writers in other processes are not kept out of this directory while this one writes");
        }

        /** Closing the channel releases its lock. */
        @Override
        public void close() throws IOException {
            try {
                if (channel != null) {
                    PARKED.remove(channel); // it got the lock after all: an ordinary channel again
                    channel.close();
                }
            } finally {
                local.semaphore.release();
                Writers.leave(key);
            }
        }
    }

    /**
     * This JVM's writers of one directory: the semaphore they take turns on, and how many hold or wait for it. The
     * entry is dropped when the last one leaves, so a host writing into a new directory per run keeps none.
     */
    static final class Writers {
        final Semaphore semaphore = new Semaphore(1);
        /** Changed only inside {@link ConcurrentHashMap#compute}, which runs one call per key at a time. */
        private int users;

        static Writers enter(Object key) {
            return DIR_WRITERS.compute(key, (k, w) -> {
                Writers e = w == null ? new Writers() : w;
                e.users++;
                return e;
            });
        }

        static void leave(Object key) {
            DIR_WRITERS.computeIfPresent(key, (k, w) -> --w.users == 0 ? null : w);
        }
    }

    /** {@return how many directories this JVM keeps a writers' semaphore for: those being written or waited for} */
    static int trackedDirectories() {
        return DIR_WRITERS.size();
    }

    /** Writes the set; the caller holds {@code dir}. */
    private static List<Path> writeHeld(Path dir, Map<String, String> files, Sink sink) throws IOException {
        for (String left : recover(dir)) {
            LOG.log(System.Logger.Level.WARNING, left);
        }
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
     *
     * @return one sentence per leftover found, naming it and what was done (empty: there was none), for a warning
     */
    public static List<String> recover(Path dir) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TMP_PREFIX + "*")) {
            s.forEach(leftovers::add);
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return List.of(); // nothing was written there: the write itself says why it cannot be
        }
        List<String> done = new ArrayList<>();
        for (Path tmp : leftovers) {
            if (inUse(tmp)) {
                continue;
            }
            Path marker = tmp.resolve(COMMITTED);
            // the name is the file system's, which anyone who can write to the directory chooses: printed as a warning
            String left = "an interrupted write (a killed process?) left "
                    + io.sophia.core.RemoteText.forTerminal(tmp.getFileName().toString()) + " in " + dir + ": ";
            // a link is never a set this library wrote: what it points to is outside the directory, not ours to move
            if (Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(marker)) {
                List<String> moved = new ArrayList<>();
                for (String name : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                    Path from = plainChild(tmp, name);
                    // a name that is not a plain file name of the set is not ours to move
                    if (from != null && Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                        move(from, dir.resolve(name));
                        moved.add(io.sophia.core.RemoteText.forTerminal(name));
                    }
                }
                forceDirectory(dir);
                done.add(left + (moved.isEmpty() ? "its set was already in place; removed"
                        : "its set was complete, so " + String.join(", ", moved) + " were moved into place"));
            } else {
                done.add(left + "its set was never complete, so it was removed and the set before it stays");
            }
            deleteQuietly(tmp);
        }
        return List.copyOf(done);
    }

    /** {@code dir}'s child {@code name}, or null when {@code name} is blank, not one plain name or no path at all (a NUL). */
    private static Path plainChild(Path dir, String name) {
        try {
            Path child = dir.resolve(name);
            return !name.isBlank() && dir.equals(child.getParent()) ? child : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
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
