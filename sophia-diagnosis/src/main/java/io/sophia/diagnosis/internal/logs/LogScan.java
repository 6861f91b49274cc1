package io.sophia.diagnosis.internal.logs;

import io.sophia.core.CauseId;
import io.sophia.core.Secrets;
import com.google.re2j.Matcher;
import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.LogFinding;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One scan of one log: reads it line by line, attributes lines to steps, runs the literal prefilter and
 * the candidate indications' patterns, collapses repeated findings, and ranks them at the end.
 * Memory is bounded by the options (line cap, context size, number of distinct findings kept),
 * never by the log's size.
 */
public final class LogScan {

    /** Scan options; see {@code LogScanner} for the defaults. */
    public record Options(int maxLineChars, int contextBefore, int contextAfter, int maxFindings, int maxKept) {
        public static final Options DEFAULTS = new Options(64 * 1024, 3, 3, 20, 4096);
    }

    /** Quoted lines and context lines are cut to this many characters. */
    static final int QUOTE_CHARS = 2000;
    static final int CONTEXT_CHARS = 500;
    private static final int MAX_SEGMENTS = 10_000;
    /** A step's echoed script and env are rarely longer; past this the header is taken as closed. */
    private static final int MAX_RUN_HEADER = 300;
    /** Nor are its lines many characters together; past this the held lines are read and the header taken as closed. */
    private static final long MAX_RUN_HEADER_CHARS = 256 * 1024;

    /** What a workflow-command line marks (see {@link #workflowCommand}); a run header's head or a group's end ends the line. */
    private static final int NO_MARKER = 0;
    private static final int ERROR_MARKER = 1;
    private static final int WARNING_MARKER = 2;
    private static final int HEADER_END = 3;

    private final ScanEngine engine;
    private final Options options;
    private final LogOrigin origin;

    // context ring of the previous lines (chars copied, no String per line)
    private final char[][] ring;
    private final int[] ringLen;

    private final List<Segment> segments = new ArrayList<>();
    private Segment current;
    private int lastStepIndex = -1;
    private final boolean[] stepUsed;
    private boolean sawGroup;
    private boolean inRunHeader;
    /**
     * The lines of the open run header, held until it ends: GitHub's echo of a step always carries the runner's own
     * {@code shell:}, {@code with:} or {@code env:} lines, so a "Run …" group without them is output the step grouped
     * itself (other CIs' logs, a {@code ::group::} the step printed) and is read as output when the group ends.
     */
    private final List<HeldLine> headerLines = new ArrayList<>();
    private long headerChars;
    /** Replaying a header that was the runner's echo: the lines are context, never findings. */
    private boolean replayingEcho;
    /**
     * A held line began in the colour the runner echoes a script's lines in (a raw log): the header is its echo even
     * when it is too long to hold up to its {@code shell:} line.
     */
    private boolean headerColoured;
    /** A header read as echo before it ended (too long to hold): its echo goes on while its lines look like echo. */
    private boolean echoGoesOn;
    /** Inside a PEM private key block: each of its lines alone looks like nothing, so the block is masked here. */
    private boolean inPrivateKey;
    private int keyLines;
    /** The last line ended in a word shaped like the head of a token: the next line may start with its rest. */
    private boolean tokenHeadEnded;
    /**
     * The last line ended in a word that starts a token's head ("gh", "AKI"): the next line may start with the head's
     * rest and the token's. Read on the line as it came: the context kept of a long line is cut before that word.
     */
    private String cutTokenHead;
    /**
     * Inside a Helm values dump ("USER-SUPPLIED VALUES:" / "COMPUTED VALUES:" of {@code helm install|upgrade --debug},
     * {@code helm get values}): the chart's configuration, defaults included, printed as YAML; no line of it is output
     * of a program that failed, so its lines are context, never findings.
     */
    private boolean inValuesDump;

    private final Map<String, Found> found = new HashMap<>();
    private final List<Found> awaitingContext = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private long seq;

    private final int[] seen;
    private final int[] hits;
    private int stamp;
    /**
     * What the digit-blind patterns ({@link ScanEngine.Compiled#digitBlind}) answered per line shape (the line with each
     * digit 1 to 9 written as 1): a log repeats its messages with other numbers in them (retries, counters, addresses,
     * ids), and RE2's cost per line and pattern made a 100 MB log of such lines take minutes. Per shape: the
     * indications tried, then those matched, one bit each. Bounded: cleared when full.
     */
    private final Map<String, long[]> shapeAnswers = new HashMap<>();
    private final int answerWords;

    private long lines;
    private long[] failurePoints = new long[0];
    // each failed step's failure point with the weight of its most specific finding, 0 when it printed none of a
    // specific cause (see specificWeightAtFailures)
    private Map<Long, Double> specificAtFailure = Map.of();

    /** A step (GitHub) or a command (Travis {@code $ cmd}) and whether it failed. */
    static final class Segment {
        final int index;
        String name;
        final long startLine;
        boolean failed;
        // the step this segment was given (-1: none) and whether only its place in the order chose it, not its name
        int stepIndex = -1;
        boolean guessed;
        long failureLine;
        // a step that prints the service's own logs (fly logs, kubectl logs, docker compose logs ...)
        boolean readsServiceLogs;
        // a step that prints a CloudFormation stack's events (newest first) and the line of the stack's latest
        // "User Initiated" start in them: what it lists after that line is an earlier operation's history
        boolean stackEvents;
        long stackStartLine;
        // the last line of the step where a Kubernetes event says a pod was scheduled: an earlier FailedScheduling
        // of that pod is history, not why it fails now
        long scheduledLine;
        // where the description of the object those events belong to began ("Name:  ..." of kubectl describe)
        long objectLine;
        long scheduledObject;
        // the pod a "kubectl get events" row names (pod/NAME) on that Scheduled line, "" where none
        String scheduledPod = "";
        // helm test's report of its test hooks ("TEST SUITE:     NAME" then "Phase:          Succeeded"): the last suite
        // named and those that passed, at most MAX_PASSED_TESTS of them
        String testSuite = "";
        final java.util.Set<String> passedTests = new java.util.HashSet<>();

        Segment(int index, String name, long startLine, boolean failed) {
            this.index = index;
            this.name = name;
            this.startLine = startLine;
            this.failed = failed;
        }
    }

    /** A finding being collected; identical ones collapse into the latest occurrence. */
    static final class Found {
        final ScanEngine.Compiled indication;
        final String text;
        long lineNumber;
        List<String> before;
        List<String> after = new ArrayList<>();
        Segment segment;
        boolean errorMarker;
        boolean warningMarker;
        int count;
        long seq;
        boolean dropped;
        double score;
        /** How many characters of the line the indication's pattern matched: how much of it the reading explains. */
        final int matchLength;
        /** Where the indication's pattern first matched on the line: a reading further on reads the wrapped error. */
        final int matchStart;

        Found(ScanEngine.Compiled indication, String text, String line) {
            this.indication = indication;
            this.text = text;
            com.google.re2j.Matcher m = indication.pattern().matcher(line);
            boolean found = m.find();
            this.matchLength = found ? m.end() - m.start() : 0;
            this.matchStart = found ? m.start() : 0;
        }
    }

    /**
     * Between findings of equal score, the more specific first, whatever the order of the indication file: a named
     * cause before a generic ({@code unknown}) reading, then the one whose pattern matched more of the line (a platform's
     * registry host and its refusal say more than the refusal alone), then the indication id.
     */
    static final Comparator<Found> MORE_SPECIFIC_FIRST = Comparator
            .comparing((Found f) -> CauseId.UNKNOWN.equals(f.indication.indication().causeId()))
            .thenComparing(Comparator.comparingInt((Found f) -> f.matchLength).reversed())
            .thenComparing(f -> f.indication.indication().id());

    /** An anchor line of a multi-line indication waiting for its {@code followedBy} line. */
    private static final class Window {
        final ScanEngine.Compiled indication;
        final String text;
        final long lineNumber;
        final List<String> before;
        final List<String> after = new ArrayList<>();
        final Segment segment;
        final boolean errorMarker;
        int remaining;

        Window(ScanEngine.Compiled indication, String text, long lineNumber, List<String> before, Segment segment,
               boolean errorMarker) {
            this.indication = indication;
            this.text = text;
            this.lineNumber = lineNumber;
            this.before = before;
            this.segment = segment;
            this.errorMarker = errorMarker;
            this.remaining = indication.indication().window();
        }
    }

    public LogScan(ScanEngine engine, Options options, LogOrigin origin) {
        this.engine = engine;
        this.options = options;
        this.origin = origin;
        this.ring = new char[Math.max(1, options.contextBefore() + 1)][CONTEXT_CHARS];
        this.ringLen = new int[ring.length];
        this.seen = new int[engine.tags];
        this.hits = new int[engine.tags];
        this.answerWords = (engine.compiled.size() + 63) >>> 6;
        this.stepUsed = new boolean[origin.steps().size()];
        Arrays.fill(seen, -1);
        CiStep first = origin.steps().isEmpty() ? null : origin.steps().get(0);
        if (first != null && "Set up job".equals(first.name())) {
            stepUsed[0] = true;
            lastStepIndex = 0;
            current = newSegment(first.name(), 1, ended(first));
        } else {
            current = newSegment(null, 1, false);
        }
    }

    private Segment newSegment(String name, long line, boolean failed) {
        if (segments.size() >= MAX_SEGMENTS) {
            return current;
        }
        Segment s = new Segment(segments.size(), name, line, failed);
        segments.add(s);
        return s;
    }

    /** Reads {@code log} to its end and returns the ranked findings. */
    public List<LogFinding> run(Reader log) throws IOException {
        read(log);
        return rank();
    }

    /** Reads {@code log} to its end, line by line, collecting what the indications find. */
    private void read(Reader log) throws IOException {
        LineReader reader = new LineReader(log, options.maxLineChars());
        while (reader.next()) {
            lines = reader.lineNumber();
            char[] buf = reader.buffer();
            int s = reader.start();
            int e = reader.end();
            boolean command = isWorkflowCommand(buf, s, e);
            if (inRunHeader) {
                if (!command && headerLines.size() < MAX_RUN_HEADER && headerChars < MAX_RUN_HEADER_CHARS) {
                    headerLines.add(new HeldLine(reader.text(), reader.lineNumber(), reader.stamped()));
                    headerChars += e - s;
                    headerColoured |= reader.echoColoured();
                    continue;
                }
                // an unclosed header must not blind the scan; one in the runner's colour is a raw log's long script
                boolean coloured = headerColoured;
                echoGoesOn = endRunHeader(command && CharBuffer.wrap(buf, s, e - s).toString().startsWith("##[endgroup]"))
                        && coloured && !command;
            }
            if (echoGoesOn) {
                // the rest of a script too long to hold, in the runner's colour, then its shell:, env: and env's lines
                echoGoesOn = !command && (reader.echoColoured() || ECHO_MARK.matcher(CharBuffer.wrap(buf, s, e - s)).lookingAt()
                        || e - s > 2 && buf[s] == ' ' && buf[s + 1] == ' ');
                replayingEcho = echoGoesOn;
            }
            accept(buf, s, e, reader.lineNumber());
            replayingEcho = false;
        }
        endRunHeader(false);
    }

    /**
     * Reads the held run header's lines: as the runner's echo (context only) or as the step's output; true when it was
     * the echo. {@code closed}: the runner's {@code ##[endgroup]} ends it.
     */
    private boolean endRunHeader(boolean closed) {
        if (!inRunHeader) {
            return false;
        }
        inRunHeader = false;
        boolean echo = headerColoured || headerLines.stream().anyMatch(l -> ECHO_MARK.matcher(l.text()).lookingAt());
        // the action runtime's own word that the action's process failed is never an input's value: the header holds
        // the action's output, printed before the group was closed, even after a multi-line last input (p204-07)
        boolean actionProcessFailed = headerLines.stream().anyMatch(l -> ACTION_PROCESS_FAILED.matcher(l.text()).matches());
        replayingEcho = echo;
        String mark = null;
        int markIndent = 0;
        boolean markStamped = false;
        for (int i = 0; i < headerLines.size(); i++) {
            HeldLine l = headerLines.get(i);
            String text = l.text();
            if (replayingEcho && !text.isBlank()) {
                int indent = indentOf(text);
                java.util.regex.Matcher m = ECHO_MARK.matcher(text);
                if (m.lookingAt()) {
                    mark = m.group(1);
                    markIndent = indent;
                    markStamped = l.stamped();
                } else if (mark != null && indent <= markIndent && !(markStamped && !l.stamped())
                        && !("with".equals(mark) && (closed && multiLineInputBefore(i) && !actionProcessFailed
                        || echoFollows(i + 1, markIndent)))) {
                    // the runner's shell:, with: and env: lines end its echo and their entries are indented: a line
                    // less indented than those entries after them is the step's output, printed before the group was
                    // closed (h70-21). Not the rest of a multi-line input, which the runner echoes at the margin
                    // between with:'s entries (actions/github-script's script:, mozilla-ai/any-llm-platform run
                    // 24508832884; actions/cache's path:, h32-24) and, in a raw log, without a timestamp; nor the rest
                    // of the last input, up to the runner's ##[endgroup] (appleboy/ssh-action's script:, h72-06): an
                    // action's output never comes inside the header the runner echoes its inputs in (review 25)
                    replayingEcho = false;
                }
            }
            char[] line = text.toCharArray();
            accept(line, 0, line.length, l.number());
        }
        replayingEcho = false;
        headerLines.clear();
        headerChars = 0;
        headerColoured = false;
        return echo;
    }

    private static int indentOf(String text) {
        int indent = 0;
        while (indent < text.length() && Character.isWhitespace(text.charAt(indent))) {
            indent++;
        }
        return indent;
    }

    /** Whether a held line from {@code from} on is an input's entry ("  key: value") or a mark of the runner's echo. */
    private boolean echoFollows(int from, int markIndent) {
        for (int k = from; k < headerLines.size(); k++) {
            String t = headerLines.get(k).text();
            if (ECHO_MARK.matcher(t).lookingAt() || indentOf(t) > markIndent && INPUT_ENTRY.matcher(t).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the last input entry held before line {@code i} is one an action takes several lines in (a script, a
     * command, paths): its rest is echoed at the margin up to the runner's ##[endgroup]. Not any input: an action's
     * own output printed before the group was closed follows its last entry too (h49-02, akhileshns/heroku-deploy).
     */
    private boolean multiLineInputBefore(int i) {
        for (int k = i - 1; k >= 0; k--) {
            java.util.regex.Matcher m = INPUT_NAME.matcher(headerLines.get(k).text());
            if (m.lookingAt()) {
                return MULTI_LINE_INPUTS.matcher(m.group(1)).matches();
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern INPUT_NAME = java.util.regex.Pattern.compile("\\s+([\\w.-]+):(\\s|$)");
    private static final java.util.regex.Pattern MULTI_LINE_INPUTS = java.util.regex.Pattern.compile(
            "(?i)(script|scripts|run|command|commands|cmd|args|path|paths|files|body|message|inputs|build-args|secrets)");

    /**
     * The action runtime's line for an action whose process failed, @actions/exec's "The process '/opt/hostedtoolcache/
     * goreleaser-action/1.9.2/x64/goreleaser' failed with exit code 1" as the step prints it ("Error: ..."), alone on
     * its line: no input's value, so a run header that holds it holds the action's output.
     */
    private static final java.util.regex.Pattern ACTION_PROCESS_FAILED = java.util.regex.Pattern.compile(
            "\\s*(Error: )?The process '[^']+' failed with exit code \\d+\\s*");

    /** An entry of the runner's echo of a with: or env: block: an input's or a variable's name and ':'. */
    private static final java.util.regex.Pattern INPUT_ENTRY = java.util.regex.Pattern.compile("\\s+[\\w.-]+:(\\s|$)");

    /** A line of an open run header, held with its number until the header is read as echo or as output. */
    private record HeldLine(String text, long number, boolean stamped) {
    }

    /** True when {@code buf[s, e)} is a workflow command of the runner ({@code ##[group]}, {@code ##[error]} …). */
    private static boolean isWorkflowCommand(char[] buf, int s, int e) {
        return e - s >= 3 && buf[s] == '#' && buf[s + 1] == '#' && buf[s + 2] == '[';
    }

    /** The runner's own lines in its echo of a step: the shell it runs, the action's inputs, the step's env. */
    private static final java.util.regex.Pattern ECHO_MARK = java.util.regex.Pattern.compile("\\s*(shell|with|env):");

    /**
     * True when the line {@code buf[s, e)} continues a token the line before began (its rest after a wrap, or after a
     * cut that fell into its head); remembers whether this line ends in a token's head for the next one.
     */
    private boolean continuesToken(char[] buf, int s, int e) {
        java.nio.CharBuffer raw = java.nio.CharBuffer.wrap(buf, s, e - s);
        boolean continuesToken = tokenHeadEnded && Secrets.startsWithTokenRest(raw)
                || Secrets.startsWithRestOfCutHead(cutTokenHead, raw);
        // a line that is one word of a token's rest is its middle: the next line may hold more of it
        tokenHeadEnded = Secrets.endsWithTokenHead(raw) || continuesToken && isOneWord(buf, s, e);
        cutTokenHead = Secrets.endsWithCutTokenHead(raw);
        return continuesToken;
    }

    private void accept(char[] buf, int s, int e, long number) {
        String text = null;
        boolean continuesToken = continuesToken(buf, s, e);
        if (privateKeyLine(buf, s, e)) {
            rememberMasked(Secrets.MASK, number); // key material: shown masked as context, never a finding
            return;
        }
        if (continuesToken) {
            rememberTokenRest(buf, s, e, number);
            return;
        }
        if (!awaitingContext.isEmpty() || !windows.isEmpty()) {
            text = new String(buf, s, e - s);
            feedFollowers(text, number);
        }
        if (valuesDumpLine(buf, s, e) || stackHistory(buf, s, e, number)) {
            remember(buf, s, e, number);
            return;
        }

        int marker = NO_MARKER;
        if (isWorkflowCommand(buf, s, e)) {
            if (text == null) {
                text = new String(buf, s, e - s);
            }
            marker = workflowCommand(text, number);
            if (marker == HEADER_END) {
                if (text.startsWith("##[group]Run ")) {
                    // the command is no finding, but a multi-line indication may begin at it: an answer that says
                    // nothing without the command that asked (docker inspect's template, then "true 137") is read
                    // when its followedBy line comes in the step's output
                    findings(buf, s, e, text, number, false, false, true);
                }
                remember(buf, s, e, number);
                return;
            }
        } else if (!sawGroup && e - s >= 3 && buf[s] == '$' && buf[s + 1] == ' ') {
            current = newSegment(cut(new String(buf, s + 2, wordEnd(buf, s + 2, e, 200) - s - 2)), number, false);
        } else if (!origin.steps().isEmpty() && e - s >= 16 && (buf[s] == 'P' || buf[s] == 'C')) {
            text = text == null ? new String(buf, s, e - s) : text;
            runnerStepBoundary(text, number);
        }

        if (replayingEcho) {
            // GitHub echoes the step's script, shell and env between "##[group]Run …" and "##[endgroup]":
            // that is the command, not its output, so it is context but never a finding
            remember(buf, s, e, number);
            return;
        }
        if (current != null) {
            passedEvent(buf, s, e, number);
            testPhase(buf, s, e);
        }
        findings(buf, s, e, text, number, marker == ERROR_MARKER, marker == WARNING_MARKER, false);
        remember(buf, s, e, number);
    }

    /** The runner's own lines that open its closing steps: "Post job cleanup." and "Cleaning up orphan processes". */
    private void runnerStepBoundary(String text, long number) {
        if (text.equals("Post job cleanup.")) {
            onStepBoundary(st -> st.name().startsWith("Post "), null, number);
        } else if (text.equals("Cleaning up orphan processes")) {
            onStepBoundary(st -> st.name().equals("Complete job"), null, number);
        }
    }

    /** Notes a Kubernetes event row "Normal  Scheduled ..." of the current step and where each object begins. */
    private void passedEvent(char[] buf, int s, int e, long number) {
        if (e - s > 5 && matchesAt(buf, s, "Name:")) {
            current.objectLine = number; // kubectl describe of several pods: each begins with its name
            return;
        }
        int i = indexOf(buf, s, Math.min(e, s + 80), "Normal ");
        if (i < 0) {
            return;
        }
        int j = i + "Normal ".length();
        while (j < e && buf[j] == ' ') {
            j++;
        }
        if (e - j > 10 && matchesAt(buf, j, "Scheduled ")) {
            current.scheduledLine = number;
            current.scheduledObject = current.objectLine;
            current.scheduledPod = podOf(new String(buf, s, e - s));
        }
    }

    private static final int MAX_PASSED_TESTS = 256;
    private static final String TEST_SUITE = "TEST SUITE:";
    private static final String PHASE = "Phase:";

    /**
     * Notes helm test's report of a test hook of the current step: "TEST SUITE:     NAME" names it, the "Phase:" line
     * after it says whether it passed ("Succeeded"); helm prints it before it reads the hooks' logs (helm/helm
     * cmd/helm/release_testing.go: the status, then GetPodLogs).
     */
    private void testPhase(char[] buf, int s, int e) {
        if (e - s > TEST_SUITE.length() && buf[s] == 'T' && matchesAt(buf, s, TEST_SUITE)) {
            current.testSuite = new String(buf, s + TEST_SUITE.length(), e - s - TEST_SUITE.length()).strip();
        } else if (e - s > PHASE.length() && buf[s] == 'P' && matchesAt(buf, s, PHASE)) {
            if (!current.testSuite.isEmpty() && current.passedTests.size() < MAX_PASSED_TESTS
                    && new String(buf, s + PHASE.length(), e - s - PHASE.length()).strip().equals("Succeeded")) {
                current.passedTests.add(current.testSuite);
            }
            current.testSuite = "";
        }
    }

    /**
     * Indications that read helm test failing to read a test hook's logs because its pod is gone ("Error: unable to get
     * pod logs for NAME: pods "NAME" not found"): a hook whose own report said it passed ("Phase: Succeeded") was
     * deleted by its hook-succeeded policy before the logs were read (helm/helm#9098, #8018; the fix helm/helm#31579
     * shows that very output), so the test passed and the line says nothing of a failed one.
     */
    private static final java.util.Set<String> TEST_LOGS_READ = java.util.Set.of("helm.test-pod-logs-unavailable");

    private static final com.google.re2j.Pattern TEST_LOGS_POD = com.google.re2j.Pattern.compile(
            "unable to get pod logs for ([\\w.-]+):");

    /** Whether {@code f} is helm's failure to read the logs of a test hook its report showed passed. */
    private static boolean passedTestLogs(Found f) {
        if (f.segment == null || f.segment.passedTests.isEmpty()
                || !TEST_LOGS_READ.contains(f.indication.indication().id())) {
            return false;
        }
        com.google.re2j.Matcher m = TEST_LOGS_POD.matcher(f.text);
        return m.find() && f.segment.passedTests.contains(m.group(1));
    }

    // a Kubernetes event of a failed scheduling, which a later Scheduled event of the same pod shows passed (a pull
    // is not judged so: a pod's containers pull their own images, another's Pulled says nothing of a failed one)
    private static final com.google.re2j.Pattern FAILED_SCHEDULING = com.google.re2j.Pattern.compile(
            "\\bWarning +FailedScheduling\\b");

    private static final com.google.re2j.Pattern POD_OBJECT = com.google.re2j.Pattern.compile("\\bpod/([\\w.-]+)");

    /** The pod an event row names as its object ("pod/NAME" of kubectl get events), "" where it names none. */
    private static String podOf(String row) {
        com.google.re2j.Matcher m = POD_OBJECT.matcher(row);
        return m.find() ? m.group(1) : "";
    }

    /** Whether {@code f} is a pod's FailedScheduling event that a later Scheduled event of that pod shows passed. */
    private static boolean passedSince(Found f) {
        Segment sg = f.segment;
        // the later event must be the same pod's: no other pod's description began in between, the same pod/NAME
        return sg.scheduledLine > f.lineNumber && sg.scheduledObject < f.lineNumber
                && FAILED_SCHEDULING.matcher(f.text).find() && podOf(f.text).equals(sg.scheduledPod);
    }

    /**
     * The rest of a token the producer wrapped: shown masked as context, never a finding. Only that word goes: what
     * follows it on the line may start another secret the next line ends, seen when the context is masked.
     */
    private void rememberTokenRest(char[] buf, int s, int e, long number) {
        int w = s;
        while (w < e && (buf[w] == ' ' || buf[w] == '\t')) {
            w++;
        }
        while (w < e && !Secrets.isWordBoundary(buf[w])) {
            w++;
        }
        rememberMasked(Secrets.MASK + new String(buf, w, e - w), number);
    }

    /** A line kept as context in its masked form, {@code masked}: for what follows and what comes before a finding. */
    private void rememberMasked(String masked, long number) {
        if (!awaitingContext.isEmpty() || !windows.isEmpty()) {
            feedFollowers(masked, number);
        }
        remember(masked.toCharArray(), 0, masked.length(), number);
    }

    /** What a {@code ##[…]} workflow-command line marks: groups and run headers are followed here. */
    private int workflowCommand(String text, long number) {
        if (text.startsWith("##[group]")) {
            sawGroup = true;
            onGroup(text.substring("##[group]".length()), number);
            if (text.startsWith("##[group]Run ")) {
                inRunHeader = true;
                return HEADER_END; // the command the runner echoes, not its output
            }
        } else if (text.startsWith("##[endgroup]")) {
            return HEADER_END;
        } else if (text.startsWith("##[error]")) {
            return ERROR_MARKER;
        } else if (text.startsWith("##[warning]")) {
            return WARNING_MARKER;
        }
        return NO_MARKER;
    }

    /** The indications whose literals the line holds and whose patterns it matches: findings, or windows. */
    private void findings(char[] buf, int s, int e, String text, long number, boolean errorMarker,
                          boolean warningMarker, boolean windowsOnly) {
        int n = engine.literals.find(buf, s, e, seen, ++stamp, hits);
        long[] answers = null;
        for (int i = 0; i < n; i++) {
            int tag = hits[i];
            if (text == null) {
                text = new String(buf, s, e - s);
            }
            if (tag == engine.markerExitTag) {
                if (!windowsOnly) {
                    onExitMarker(text, number);
                }
                continue;
            }
            if (tag >= engine.requiresBase) {
                continue; // a second prefilter's literal: read below, with its indication
            }
            ScanEngine.Compiled c = engine.compiled.get(tag);
            if (c.hasRequires() && seen[engine.requiresBase + tag] != stamp) {
                continue; // the line lacks what the pattern needs besides the literal
            }
            if (windowsOnly && c.followedBy() == null) {
                continue; // the runner's echo of a command: only a window that its output must complete opens here
            }
            boolean matches;
            if (c.digitBlind() && text.length() <= SHAPE_MAX_CHARS) {
                if (answers == null) {
                    answers = answersFor(text);
                }
                int w = tag >>> 6;
                long bit = 1L << tag;
                if ((answers[w] & bit) != 0) {
                    matches = (answers[answerWords + w] & bit) != 0;
                } else {
                    matches = c.matches(text);
                    answers[w] |= bit;
                    if (matches) {
                        answers[answerWords + w] |= bit;
                    }
                }
            } else {
                matches = c.matches(text);
            }
            if (matches) {
                List<String> before = before(number);
                if (c.followedBy() != null) {
                    windows.add(new Window(c, text, number, before, current, errorMarker));
                } else {
                    record(c, text, number, before, current, errorMarker, warningMarker, List.of());
                }
            }
        }
    }

    private static String cut(String s) {
        return Secrets.patterns().cut(s, 120);
    }

    /** Lines up to this long have their digit-blind answers kept per shape; longer ones are matched each time. */
    private static final int SHAPE_MAX_CHARS = 1_000;
    /** Shapes kept at most (each up to 1,000 chars and two bits per indication). */
    private static final int SHAPES_KEPT = 4_096;

    /** The digit-blind answers for {@code text}'s shape, empty for a shape not met before. */
    private long[] answersFor(String text) {
        int first = 0;
        while (first < text.length() && !(text.charAt(first) > '1' && text.charAt(first) <= '9')) {
            first++;
        }
        String key = text; // a line without a digit 2 to 9 is its own shape: no copy
        if (first < text.length()) {
            char[] shape = text.toCharArray();
            for (int i = first; i < shape.length; i++) {
                if (shape[i] > '1' && shape[i] <= '9') {
                    shape[i] = '1';
                }
            }
            key = new String(shape);
        }
        long[] answers = shapeAnswers.get(key);
        if (answers == null) {
            if (shapeAnswers.size() >= SHAPES_KEPT) {
                shapeAnswers.clear();
            }
            answers = new long[2 * answerWords];
            shapeAnswers.put(key, answers);
        }
        return answers;
    }

    /** {@link Secrets#wordEnd} of {@code buf[s, e)}. */
    private static int wordEnd(char[] buf, int s, int e, int max) {
        return Secrets.wordEnd(java.nio.CharBuffer.wrap(buf), s, e, max);
    }

    /**
     * True when this line is to be masked as part of a PEM private key block: the regex that masks a whole block
     * cannot see it when a log hands it over a line at a time. The block starts at a line naming its BEGIN marker and
     * goes on while the lines look like key material, up to its END line: a line of words (an error that names the
     * marker it expected, a key cut short and the log going on) ends it and is read as any other, so no finding is
     * lost behind a marker. The BEGIN line itself is masked only when key material follows the marker on it.
     */
    private boolean privateKeyLine(char[] buf, int s, int e) {
        java.nio.CharBuffer line = java.nio.CharBuffer.wrap(buf, s, e - s);
        if (!inPrivateKey) {
            int markerEnd = Secrets.privateKeyBegin(line);
            if (markerEnd < 0) {
                return false;
            }
            if (Secrets.isPrivateKeyEnd(line)) {
                return true; // a block on one line (escaped newlines)
            }
            inPrivateKey = true;
            keyLines = 0;
            return base64Run(buf, s + markerEnd, e) >= 16;
        }
        if (Secrets.isPrivateKeyEnd(line)) {
            inPrivateKey = false;
            return true;
        }
        if (++keyLines > Secrets.MAX_PRIVATE_KEY_LINES || !Secrets.isPrivateKeyMaterial(line)) {
            inPrivateKey = false;
            return false;
        }
        return true;
    }

    // Helm's values dumps (helm/helm@001cb3a7:cmd/helm/status.go: "USER-SUPPLIED VALUES:", the values as YAML, an empty
    // line, "COMPUTED VALUES:", the chart's values coalesced with them, an empty line, then "HOOKS:" and "MANIFEST:";
    // `helm get values [--all]` prints one of the two heads and its YAML)
    private static final java.util.regex.Pattern VALUES_DUMP_HEAD = java.util.regex.Pattern.compile(
            "(USER-SUPPLIED|COMPUTED) VALUES:\\s*");
    /** A line of YAML a values dump goes on with: indented, empty, a list item, "{}", or a key ("image:", "auth: {}"). */
    private static final java.util.regex.Pattern VALUES_DUMP_LINE = java.util.regex.Pattern.compile(
            "\\s*|[ \\t-].*|\\{}|(?!(HOOKS|MANIFEST|NOTES|Error|ERROR|error|WARNING|Warning):)[\\w.@/-]+:(\\s.*)?");

    /**
     * Whether {@code buf[s, e)} is a line of a Helm values dump (its head, or its YAML after it): the dump ends at the
     * first line that is not its YAML (Helm's next section, an error, a runner's command).
     */
    private boolean valuesDumpLine(char[] buf, int s, int e) {
        if (e - s >= 15 && (buf[s] == 'U' || buf[s] == 'C')
                && VALUES_DUMP_HEAD.matcher(CharBuffer.wrap(buf, s, e - s)).matches()) {
            inValuesDump = true;
            return true;
        }
        if (inValuesDump && (isWorkflowCommand(buf, s, e)
                || !VALUES_DUMP_LINE.matcher(CharBuffer.wrap(buf, s, e - s)).matches())) {
            inValuesDump = false;
        }
        return inValuesDump;
    }

    /** Whether {@code buf[s, e)} is one word after its indent (the middle of a token wrapped over several lines). */
    private static boolean isOneWord(char[] buf, int s, int e) {
        int i = s;
        while (i < e && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        while (i < e && !Secrets.isWordBoundary(buf[i])) {
            i++;
        }
        return i == e || buf[i] == '\r' && i + 1 == e;
    }

    /** The longest run of base64 characters in {@code buf[s, e)}. */
    private static int base64Run(char[] buf, int s, int e) {
        int best = 0;
        int run = 0;
        for (int i = s; i < e; i++) {
            char c = buf[i];
            run = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static int indexOf(char[] buf, int s, int e, String needle) {
        char first = needle.charAt(0);
        int last = e - needle.length();
        for (int i = s; i <= last; i++) {
            if (buf[i] == first && matchesAt(buf, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(char[] buf, int i, String needle) {
        for (int k = 0; k < needle.length(); k++) {
            if (buf[i + k] != needle.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void onGroup(String title, long line) {
        boolean run = title.startsWith("Run ");
        String command = run ? title.substring(4).trim() : title.trim();
        boolean readsServiceLogs = SERVICE_LOGS.matcher(command).find();
        // a group named by a command that prints the service's logs opens a step too (other runners' headers)
        if (!run && !readsServiceLogs) {
            return;
        }
        List<CiStep> steps = origin.steps();
        int chosen = -1;
        for (int i = lastStepIndex + 1; i < steps.size() && chosen < 0; i++) {
            String name = steps.get(i).name();
            if (!stepUsed[i] && name != null && (name.equals(title) || name.equals(command))) {
                chosen = i;
            }
        }
        boolean byName = chosen >= 0;
        for (int i = lastStepIndex + 1; i < steps.size() && chosen < 0; i++) {
            CiStep st = steps.get(i);
            String name = st.name() == null ? "" : st.name();
            if (!stepUsed[i] && !"skipped".equals(st.conclusion()) && !name.equals("Set up job")
                    && !name.equals("Complete job") && !name.startsWith("Post ")) {
                chosen = i;
            }
        }
        if (chosen >= 0) {
            useStep(chosen, line);
            current.guessed = !byName;
        } else {
            current = newSegment(cut(title), line, false);
        }
        current.readsServiceLogs = readsServiceLogs;
        current.stackEvents = readsServiceLogs && STACK_EVENTS.matcher(command).find();
    }

    // `aws cloudformation describe-stack-events` lists the stack's whole history newest first (DescribeStackEvents:
    // "in reverse chronological order", docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/
    // API_DescribeStackEvents.html); each operation starts with the stack's own UPDATE_IN_PROGRESS or CREATE_IN_PROGRESS
    // whose reason is "User Initiated" (p35-03's rows)
    private static final com.google.re2j.Pattern STACK_EVENTS = com.google.re2j.Pattern.compile(
            "(?i)\\bdescribe-stack-events\\b");

    /**
     * True when {@code buf[s, e)} is an event of an earlier operation of the stack whose events the current step
     * prints: listed after the latest operation's "User Initiated" start. The runner's own lines are never history.
     */
    private boolean stackHistory(char[] buf, int s, int e, long number) {
        if (current == null || !current.stackEvents || isWorkflowCommand(buf, s, e)) {
            return false;
        }
        if (current.stackStartLine > 0) {
            return number > current.stackStartLine;
        }
        if (indexOf(buf, s, e, "User Initiated") >= 0) {
            current.stackStartLine = number;
        }
        return false;
    }

    // a command that prints a service's own logs or state: what it prints is the service speaking, however the step
    // that ran it ended (a "fly logs" step after a failed deploy shows why the app died; "aws ecs describe-tasks" after a
    // failed stack update shows ECS's record of why the service's tasks stopped, p123-20; "aws cloudformation
    // describe-stack-events" CloudFormation's record of the resource that failed)
    // the words between the tool and its verb are options of the same command: none crosses "&&", ";" or "|", and the
    // verb is a whole word ("docker run -v logs:/x" and "kubectl apply -f logs-x.yaml" print no logs)
    private static final String ARGS = "([^\\s&|;]+ +)*";
    private static final com.google.re2j.Pattern SERVICE_LOGS = com.google.re2j.Pattern.compile("(?i)\\b("
            + "fly(ctl)? +logs|kubectl +" + ARGS + "(logs|describe)|oc +logs|docker(-compose| +compose)? +" + ARGS + "logs"
            + "|heroku +logs|gcloud +" + ARGS + "(logs +(read|tail)|logging +read)|az +" + ARGS + "logs? +(show|tail)"
            + "|aws +logs|aws +ecs +" + ARGS + "describe-(tasks|services)|aws +cloudformation +" + ARGS + "describe-stack-events|journalctl|railway +logs|render +logs|vercel +logs|nomad +(alloc +)?(logs|status)"
            // the serverless platforms' CLIs reading a deployed function's own log: "netlify logs:function NAME" (p113-37),
            // "wrangler tail", "firebase functions:log", "sam logs"
            + "|netlify +logs(:function)?|wrangler +tail|firebase(-tools)? +functions:log|sam +logs"
            // Cloud Foundry's "cf logs APP --recent" (p157-22: the app's own "[APP/PROC/WEB/0] ERR panic: ..." after
            // "cf restart" failed with "Start unsuccessful")
            + "|cf +logs)( |$)");

    private void onStepBoundary(java.util.function.Predicate<CiStep> which, String fallback, long line) {
        List<CiStep> steps = origin.steps();
        for (int i = lastStepIndex + 1; i < steps.size(); i++) {
            CiStep st = steps.get(i);
            if (!stepUsed[i] && st.name() != null && which.test(st)) {
                useStep(i, line);
                return;
            }
        }
        if (fallback != null) {
            current = newSegment(fallback, line, false);
        }
    }

    private void useStep(int i, long line) {
        CiStep st = origin.steps().get(i);
        stepUsed[i] = true;
        lastStepIndex = i;
        current = newSegment(st.name(), line, ended(st));
        current.stepIndex = i;
    }

    /**
     * A group given a step by its place alone whose own exit marker says it failed, while that step succeeded, belongs
     * to the first later step that failed and got no group: a log that shows only some steps' groups (the failed
     * step's output alone, a log cut at its head) would otherwise put the failure under an earlier step ("at step
     * Checkout" for the deploy's error).
     */
    private void placeFailedGroups() {
        List<CiStep> steps = origin.steps();
        for (Segment sg : segments) {
            if (!sg.guessed || sg.failureLine == 0 || sg.stepIndex < 0 || ended(steps.get(sg.stepIndex))) {
                continue;
            }
            for (int i = sg.stepIndex + 1; i < steps.size(); i++) {
                if (!stepUsed[i] && ended(steps.get(i)) && steps.get(i).name() != null) {
                    stepUsed[i] = true;
                    stepUsed[sg.stepIndex] = false;
                    sg.stepIndex = i;
                    sg.name = steps.get(i).name();
                    break;
                }
            }
        }
    }

    /** A step where the job ended badly: failed, cancelled or timed out. */
    private static boolean ended(CiStep step) {
        String c = step.conclusion();
        return "failure".equals(c) || "cancelled".equals(c) || "timed_out".equals(c);
    }

    private void onExitMarker(String text, long line) {
        Matcher m = ScanEngine.GITHUB_EXIT.matcher(text);
        boolean failed = false;
        if (m.find()) {
            failed = !"0".equals(m.group(1));
        } else {
            m = ScanEngine.TRAVIS_EXIT.matcher(text);
            if (m.find()) {
                failed = !"0".equals(m.group(2));
            }
        }
        if (failed && current.failureLine == 0) {
            current.failed = true;
            current.failureLine = line;
        }
    }

    private void feedFollowers(String text, long number) {
        // redacted before the cut: a token the cut falls into keeps no head
        String ctx = text.length() > CONTEXT_CHARS ? Secrets.patterns().cut(text, CONTEXT_CHARS) : text;
        if (!awaitingContext.isEmpty()) {
            for (Iterator<Found> it = awaitingContext.iterator(); it.hasNext(); ) {
                Found f = it.next();
                if (!f.dropped && f.after.size() < afterKept()) {
                    f.after.add(ctx);
                }
                if (f.dropped || f.after.size() >= afterKept()) {
                    it.remove();
                }
            }
        }
        if (!windows.isEmpty()) {
            for (Iterator<Window> it = windows.iterator(); it.hasNext(); ) {
                Window w = it.next();
                w.after.add(ctx);
                if (w.indication.followedBy().matcher(text).find()) {
                    it.remove();
                    record(w.indication, w.text, w.lineNumber, w.before, w.segment, w.errorMarker, false, w.after);
                } else if (--w.remaining <= 0) {
                    it.remove();
                }
            }
        }
    }

    private void record(ScanEngine.Compiled c, String text, long number, List<String> before, Segment segment,
                        boolean errorMarker, boolean warningMarker, List<String> after) {
        String key = c.index() + "\u0000" + normalize(text);
        Found f = found.get(key);
        if (f == null) {
            f = new Found(c, Secrets.patterns().cut(text, QUOTE_CHARS), text);
            found.put(key, f);
        }
        f.lineNumber = number;
        f.before = before;
        f.after = new ArrayList<>(after.subList(0, Math.min(after.size(), afterKept())));
        f.segment = segment;
        f.errorMarker = errorMarker;
        f.warningMarker = warningMarker;
        f.count++;
        f.seq = ++seq;
        if (f.after.size() < afterKept() && !awaitingContext.contains(f)) {
            awaitingContext.add(f);
        }
        if (found.size() > options.maxKept()) {
            prune();
        }
    }

    /** Digits vary between repetitions of the same message (timestamps, counters, ids). */
    private static String normalize(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 300));
        for (int i = 0; i < text.length() && b.length() < 300; i++) {
            char c = text.charAt(i);
            b.append(c >= '0' && c <= '9' ? '#' : c);
        }
        return b.toString();
    }

    private void prune() {
        List<Map.Entry<String, Found>> entries = new ArrayList<>(found.entrySet());
        entries.sort(Comparator.comparingDouble((Map.Entry<String, Found> en) -> en.getValue().indication
                .indication().weight()).thenComparingLong(en -> en.getValue().seq).reversed());
        for (int i = options.maxKept() / 2; i < entries.size(); i++) {
            Found f = entries.get(i).getValue();
            f.dropped = true;
            found.remove(entries.get(i).getKey());
        }
        awaitingContext.removeIf(f -> f.dropped);
    }

    /** Lines kept after a finding: its context, and one more that is read when the window is masked, never shown. */
    private int afterKept() {
        return options.contextAfter() == 0 ? 0 : options.contextAfter() + 1;
    }

    /**
     * The {@code contextBefore} lines before line {@code number} and one more ahead of them when there is one: that line
     * is never shown, only read when the window is masked ({@link #masked}), since the first line shown may start
     * with the rest of a token its producer wrapped from there ({@link #afterKept} likewise at the other end).
     */
    private List<String> before(long number) {
        int k = (int) Math.min(options.contextBefore() + 1, number - 1);
        if (k <= 0 || options.contextBefore() == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(k);
        for (long l = number - k; l < number; l++) {
            int slot = (int) (l % ring.length);
            out.add(new String(ring[slot], 0, ringLen[slot]));
        }
        return out;
    }

    private void remember(char[] buf, int s, int e, long number) {
        if (options.contextBefore() == 0) {
            return;
        }
        int slot = (int) (number % ring.length);
        // a context line is masked when it is shown: the cut here must not leave a token's head for that to miss
        int n = wordEnd(buf, s, e, CONTEXT_CHARS) - s;
        System.arraycopy(buf, s, ring[slot], 0, n);
        ringLen[slot] = n;
    }

    // ---------------------------------------------------------------- ranking

    /**
     * What one reads {@code log} as, best first, without the findings' lines and context: each reading's indication,
     * cause and score. Nothing of the text is kept, so nothing is masked (masking every finding's window is most of the
     * cost of a scan of one long line, such as a service's error answer read for its cause).
     *
     * @param log the text to read
     * @return the readings, ranked as {@link #run(Reader)} ranks its findings
     * @throws IOException when the text cannot be read
     */
    public List<Reading> readings(Reader log) throws IOException {
        read(log);
        List<Reading> out = new ArrayList<>();
        for (Found f : ranked()) {
            if (out.size() >= options.maxFindings()) {
                break;
            }
            out.add(new Reading(f.indication.indication().id(), f.indication.indication().causeId(),
                    Math.round(f.score * 10_000) / 10_000.0));
        }
        return out;
    }

    /**
     * One reading of a text ({@link #readings(Reader)}).
     *
     * @param indicationId the indication that matched
     * @param causeId      its cause id ({@link CauseId#UNKNOWN} for a generic one)
     * @param score        the finding's score, as a {@link LogFinding}'s
     */
    public record Reading(String indicationId, CauseId causeId, double score) {
    }

    private List<LogFinding> rank() {
        placeFailedGroups();
        return findings(ranked());
    }

    private List<Found> ranked() {
        List<Found> all = new ArrayList<>(found.values());
        // a pod's description lists the events it got past too: a failed scheduling it passed is no cause
        all.removeIf(LogScan::passedSince);
        // ... and helm test's logs of a test hook that passed, gone by its hook-succeeded policy, are no failed test
        all.removeIf(LogScan::passedTestLogs);
        failurePoints = segments.stream().filter(sg -> sg.failed).mapToLong(this::failurePoint).sorted().toArray();
        boolean anyFailed = failurePoints.length > 0;
        specificAtFailure = specificWeightAtFailures(all);
        for (Found f : all) {
            f.score = score(f, anyFailed);
        }
        all = collapseWrappers(all);
        all.sort(Comparator.comparingDouble((Found f) -> f.score).reversed()
                .thenComparing(Comparator.comparingLong((Found f) -> f.lineNumber).reversed())
                .thenComparing(MORE_SPECIFIC_FIRST));
        // one finding per chunk first: a finding next to a better one adds little, so it goes after the others
        List<Found> first = new ArrayList<>();
        List<Found> later = new ArrayList<>();
        int near = Math.max(2, options.contextBefore() + options.contextAfter());
        for (Found f : all) {
            boolean close = false;
            for (Found g : first) {
                if (Math.abs(g.lineNumber - f.lineNumber) <= near) {
                    close = true;
                    break;
                }
            }
            (close ? later : first).add(f);
            if (first.size() >= options.maxFindings()) {
                break;
            }
        }
        List<Found> ordered = new ArrayList<>(first);
        ordered.addAll(later);
        return ordered;
    }

    private List<LogFinding> findings(List<Found> ordered) {
        List<LogFinding> result = new ArrayList<>();
        for (Found f : ordered) {
            if (result.size() >= options.maxFindings()) {
                break;
            }
            // the lines around the finding masked as one text: a token its producer wrapped onto the next line is
            // two words here, neither of them shaped like a token alone
            int extra = f.before.size() > options.contextBefore() ? 1 : 0;
            List<String> window = new ArrayList<>(f.before);
            window.add(f.text);
            window.addAll(f.after);
            List<String> masked = masked(window);
            String line = masked.get(f.before.size());
            List<String> context = new ArrayList<>(masked.subList(extra, f.before.size()));
            context.add(Secrets.patterns().cut(line, CONTEXT_CHARS));
            context.addAll(masked.subList(f.before.size() + 1, Math.min(masked.size(),
                    f.before.size() + 1 + options.contextAfter())));
            result.add(new LogFinding(origin.serviceId(), origin.source(), origin.jobId(), origin.jobName(),
                    f.segment.name, f.lineNumber, f.indication.indication().id(), f.indication.indication().causeId(),
                    line, context, Math.round(f.score * 10_000) / 10_000.0));
        }
        return result;
    }

    /** {@code lines}, consecutive lines of the log, masked as one text: a secret a line break cut is masked on both. */
    private static List<String> masked(List<String> lines) {
        return Secrets.patterns().redactLines(lines);
    }

    /**
     * A line that repeats a nearby finding's error inside a longer message (flyctl's "Error: failed
     * to fetch an image or build from source: error building: failed to solve: X" right after
     * BuildKit's "ERROR: failed to solve: X") is the same failure told twice: when it lies within
     * that finding's context window and names the same cause, it is dropped (it stays visible as
     * context) and the finding keeps the better of the two scores. Likewise a weaker indication of
     * the same cause on the same line, and a weaker generic ({@code unknown}) reading of either; and a general
     * shape of a cause (an id ending in {@value #GENERAL_SHAPE_SUFFIX}) on a line a specific indication of another
     * cause reads.
     */
    private List<Found> collapseWrappers(List<Found> all) {
        if (all.size() < 2) {
            return all;
        }
        List<Found> byLine = new ArrayList<>(all);
        // line by line, and on one line the stronger, then the more specific reading first: which reading of a line
        // keeps it must not depend on the order of the indication file
        byLine.sort(Comparator.comparingLong((Found f) -> f.lineNumber)
                .thenComparing(Comparator.comparingDouble((Found f) -> f.score).reversed())
                .thenComparing(MORE_SPECIFIC_FIRST));
        String[] lower = new String[byLine.size()];
        String[] core = new String[byLine.size()];
        for (int i = 0; i < byLine.size(); i++) {
            lower[i] = byLine.get(i).text.toLowerCase(java.util.Locale.ROOT);
            core[i] = core(lower[i]);
        }
        java.util.Set<Found> wrappers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < byLine.size(); i++) {
            Found inner = byLine.get(i);
            if (core[i].length() < 20) {
                continue;
            }
            int from = i;
            while (from > 0 && inner.lineNumber - byLine.get(from - 1).lineNumber <= options.contextBefore()) {
                from--;
            }
            for (int j = from; j < byLine.size(); j++) {
                Found w = byLine.get(j);
                if (w.lineNumber - inner.lineNumber > options.contextAfter()) {
                    break;
                }
                // a reading that gives way to a later clause of its line does so even when that clause repeats an
                // earlier line's finding (h40-36: the runner's "##[error]buildx failed with: ..." after BuildKit's line)
                if (j == i || wrappers.contains(w) || (wrappers.contains(inner) && !givesWay(w, inner))) {
                    continue;
                }
                if (addsNothingTo(w, inner, core[i], core[j], lower[j])) {
                    wrappers.add(w);
                    if (sameCause(w, inner)) {
                        inner.score = Math.max(inner.score, w.score);
                    }
                }
            }
        }
        if (!wrappers.isEmpty()) {
            all = new ArrayList<>(all);
            all.removeIf(wrappers::contains);
        }
        return all;
    }

    /**
     * True when {@code w} reads the same cause as {@code inner}, or is a generic reading ("unknown": an error word, an
     * exception line) no stronger than it: of the same text it adds nothing either.
     */
    private static boolean sameCause(Found w, Found inner) {
        return java.util.Objects.equals(w.indication.indication().causeId(), inner.indication.indication().causeId())
                || (CauseId.UNKNOWN.equals(w.indication.indication().causeId()) && w.score <= inner.score);
    }

    /** True when finding {@code w}, near {@code inner}, says nothing {@code inner} does not (see collapseWrappers). */
    private static boolean addsNothingTo(Found w, Found inner, String innerCore, String wCore, String wLower) {
        if (!sameCause(w, inner)) {
            return givesWay(w, inner);
        }
        // the same line read by a weaker indication of the same cause tells nothing new either
        boolean sameLineWeaker = w.lineNumber == inner.lineNumber && (w.score < inner.score
                || (w.score == inner.score && MORE_SPECIFIC_FIRST.compare(inner, w) < 0));
        boolean wraps = wCore.length() > innerCore.length() && wLower.contains(innerCore);
        return sameLineWeaker || wraps;
    }

    /** Id suffix of a general shape of a cause (indications/README.md): it yields to a specific shape on the same line. */
    public static final String GENERAL_SHAPE_SUFFIX = "-generic";

    /**
     * A general shape gives way to a specific one of another cause that reads the error it wraps, later on the same
     * line (Play's "Configuration error: ...[...: Could not resolve substitution to a value: ${X}]" is a missing
     * variable, not a configuration refused in general); an error quoted after a specific wrapper's words stays the
     * general shape's ("failed to fetch oauth token: ... 503").
     */
    private static boolean givesWay(Found general, Found specific) {
        if (general.lineNumber != specific.lineNumber) {
            return false;
        }
        if (CONSEQUENCE_HEADS.contains(specific.indication.indication().id()) && general.matchStart > specific.matchStart) {
            return true;
        }
        return (isGeneral(general) || (CHAIN_PREFIXES.contains(
                general.indication.indication().id()) && specific.indication.indication().weight() >= CHAIN_REASON_WEIGHT))
                && isSpecific(specific) && specific.matchStart > general.matchStart;
    }

    /**
     * Indications whose words name the fault while the rest of their line is how the tool found out: the legacy
     * builder's "invalid from flag value bulid: pull access denied for bulid, repository does not exist or may require
     * 'docker login'" (docker/cli#1559) is a COPY --from naming no finished stage, which the builder then tried to pull
     * as an image; the registry's and the missing image's readings after it on the line give way to it. The Convex
     * CLI's "Vercel build environment detected but CONVEX_DEPLOY_KEY is not set" (get-convex/convex-backend#162,
     * p135-10) says which variable is missing only after saying it is the deploy CLI's key in a hosting build: the
     * missing-variable reading of its tail gives way to the deploy credential's.
     */
    private static final java.util.Set<String> CONSEQUENCE_HEADS = java.util.Set.of("dockerfile.invalid-from-flag",
            "convex.build-env-deploy-key-missing");

    /**
     * The least weight of a reading a chain head gives way to: the reason's own words (a certificate, a name, a rate
     * limit), not a weak shape that reads anything's words, such as timeout.generic's "operation timed out" (0.45: a
     * job's limit, read here in macOS's words for a connect to the token endpoint that timed out).
     */
    private static final double CHAIN_REASON_WEIGHT = 0.6;

    /**
     * Indications that read the head of an error chain whose reason follows on the same line: BuildKit's "failed to
     * authorize: failed to fetch oauth token: &lt;reason&gt;" names the step, the reason after it the cause (h40-36: "...:
     * tls: failed to verify certificate: x509: certificate signed by unknown authority"), like a general shape; so does
     * the daemon's "error pulling image configuration: &lt;reason&gt;" (h91-07: "... error parsing HTTP 403 response body:
     * ... &lt;Code&gt;AccessDenied&lt;/Code&gt;", the registry's storage refusing access); and flyctl's "failed to launch
     * VM: request returned non-2xx status, 503: &lt;body&gt;", whose body may carry the Machines API's own code for a full
     * region (h102-13: {"error":"out of capacity","status":"insufficient_capacity"}), no outage; and the ECS deploy
     * action's "Failed to register task definition in ECS: &lt;reason&gt;", whose reason may be IAM's refusal of the deploy
     * role rather than the definition ("User: arn:aws:sts::...:assumed-role/... is not authorized to perform: iam:PassRole
     * on resource: ...", ministryofjustice/modernisation-platform#8443, h156-12).
     */
    private static final java.util.Set<String> CHAIN_PREFIXES = java.util.Set.of("registry.token-fetch",
            "registry.image-config-pull-failed", "fly.launch-vm-eof", "deploy.definition-refused");

    private static boolean isGeneral(Found f) {
        return f.indication.indication().id().endsWith(GENERAL_SHAPE_SUFFIX);
    }

    private static boolean isSpecific(Found f) {
        return !isGeneral(f) && !CauseId.UNKNOWN.equals(f.indication.indication().causeId());
    }

    /** The error of a lowercased line without its prefixes (timestamps, step markers, "error:"). */
    private static String core(String lower) {
        String s = lower.strip();
        String prev;
        do {
            prev = s;
            s = s.replaceFirst("^(\\d{4}-\\d\\d-\\d\\dt[0-9:.]+z?|##\\[error\\]|#\\d+( [0-9.]+)?|error:|fatal:|e:)\\s*", "");
        } while (!s.equals(prev) && !s.isEmpty());
        return s;
    }

    /**
     * The failure point of each failed step with the weight of the most specific finding it printed (0 when it printed
     * only generic lines such as a bare exit status or curl's "(22) The requested URL returned error: 500"). A smoke
     * test that fails because the service it calls is broken says which step failed, not why; the service's own output
     * fetched by an earlier step ("kubectl logs", "docker compose logs") explains it when it says more than that step.
     */
    private Map<Long, Double> specificWeightAtFailures(List<Found> all) {
        Map<Long, Double> out = new HashMap<>();
        for (Segment sg : segments) {
            if (!sg.failed) {
                continue;
            }
            double best = 0;
            for (Found f : all) {
                if (f.segment == sg && !CauseId.UNKNOWN.equals(f.indication.indication().causeId())) {
                    best = Math.max(best, f.indication.indication().weight());
                }
            }
            out.put(failurePoint(sg), best);
        }
        return out;
    }

    /**
     * Weight of the indication, times how close the line is to where its step failed (the last error
     * before a failing step ended explains it best), times whether it is in the failed step at all;
     * {@code ##[error]} lines count more, {@code ##[warning]} lines less. A line of an earlier step
     * that is more specific (a higher weight) than any specific line the failed step after it printed
     * counts as in a log where no step failed.
     */
    private double score(Found f, boolean anyFailed) {
        double w = f.indication.indication().weight();
        Segment sg = f.segment;
        long failurePoint = sg.failed ? failurePoint(sg) : firstFailureAfter(f.lineNumber);
        double stepFactor = sg.failed || sg.readsServiceLogs ? 1.0
                : !anyFailed || w > specificAtFailure.getOrDefault(failurePoint, 1.0) ? 0.85 : 0.5;
        long d = failurePoint - f.lineNumber;
        double proximity = sg.readsServiceLogs ? 1.0 : d < 0 ? 0.5 : 0.7 + 0.3 * Math.exp(-d / 150.0);
        double marker = f.errorMarker ? 1.25 : f.warningMarker ? 0.8 : 1.0;
        double score = w * stepFactor * proximity * marker;
        return Math.max(0, Math.min(1, score));
    }

    private long nextSegmentStart(Segment sg) {
        return sg.index + 1 < segments.size() ? segments.get(sg.index + 1).startLine : lines + 1;
    }

    private long failurePoint(Segment sg) {
        return sg.failureLine > 0 ? sg.failureLine : nextSegmentStart(sg) - 1;
    }

    private long firstFailureAfter(long line) {
        int i = Arrays.binarySearch(failurePoints, line);
        if (i < 0) {
            i = -i - 1;
        }
        return i < failurePoints.length ? failurePoints[i] : lines;
    }

    /** Lines read. */
    public long lines() {
        return lines;
    }
}
