package io.sophia.hosttest;

import io.sophia.core.Assessment;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.ReportFiles;
import io.sophia.report.Sophia;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * A host program outside the project: it is compiled against the library modules' public API alone (this
 * module's compile-scope dependencies, see {@code HostDependenciesTest}) and does what {@code sophia check} does.
 */
public final class DemoHost {

    private DemoHost() {
    }

    /** Checks the deployment {@code config} describes, writes the reports into {@code out}, returns the gate's exit code. */
    public static int check(Path config, Path out, Instant now, Function<String, String> env) throws IOException {
        Assessment a = Sophia.builder(DeploymentConfig.load(config))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .env(env)
                .build()
                .check();
        ReportFiles.writeAll(a, out);
        return a.gate().status().exitCode();
    }
}
