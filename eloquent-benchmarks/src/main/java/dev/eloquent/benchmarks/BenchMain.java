package dev.eloquent.benchmarks;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code scripts/bench} runs: the JMH suite with the chosen workloads and databases, then the startup
 * processes, then {@code docs/benchmarks.md}. Options (all optional):
 * <pre>
 *   --dbs sqlite,pg,mysql   SQL databases (default sqlite; pg and mysql are the local servers)
 *   --only REGEX            JMH include pattern, e.g. 'SqlRead|Eager' or 'findByKey' (default: everything)
 *   --quick                 2 warm-up and 5 measured iterations of 1 s instead of 5 and 10 (noted in the report)
 *   --warmup N --iterations N --forks N   explicit JMH settings
 *   --rows N                rows of the cursor table (default 1000000)
 *   --no-gc                 no -prof gc
 *   --no-startup            skip the startup processes
 *   --startup-runs N        runs per startup command (default 10, after one warm-up)
 *   --out FILE              the report (default docs/benchmarks.md)
 *   --command TEXT          the command line to record in the report
 * </pre>
 * The startup commands need {@code -Dbench.classpath} (this module's run class path) and, for
 * {@code eloquent --help}, {@code -Dbench.cli.modules} (eloquent-examples/target/modules); the script sets both.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        String dbs = opts.getOrDefault("dbs", "sqlite");
        String only = opts.getOrDefault("only", "SqlReadBenchmark|SqlWriteBenchmark|EagerBenchmark|CursorBenchmark|MongoBenchmark");
        boolean quick = opts.containsKey("quick");
        Path out = Path.of(opts.getOrDefault("out", "docs/benchmarks.md"));
        String rows = opts.getOrDefault("rows", "1000000");

        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(only)
                .param("db", dbs.split(","))
                .param("rows", rows)
                .shouldFailOnError(true)
                .result("eloquent-benchmarks/target/jmh-result.json")
                .resultFormat(ResultFormatType.JSON);
        if (quick) {
            builder.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        if (opts.containsKey("warmup")) {
            builder.warmupIterations(Integer.parseInt(opts.get("warmup")));
        }
        if (opts.containsKey("iterations")) {
            builder.measurementIterations(Integer.parseInt(opts.get("iterations")));
        }
        if (opts.containsKey("forks")) {
            builder.forks(Integer.parseInt(opts.get("forks")));
        }
        if (!opts.containsKey("no-gc")) {
            builder.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(builder.build()).run();

        List<String[]> startup = opts.containsKey("no-startup") ? List.of()
                : Startup.measure(Integer.parseInt(opts.getOrDefault("startup-runs", "10")));
        String command = opts.getOrDefault("command", "./scripts/bench " + String.join(" ", args));
        String settings = quick ? "reduced: 2 warm-up + 5 measured iterations of 1 s, 1 fork"
                : "the classes' own: 5 warm-up + 10 measured iterations of 1 s, 1 fork (cursor: 2 + 5)";
        if (opts.containsKey("warmup") || opts.containsKey("iterations") || opts.containsKey("forks")) {
            settings += "; overridden: warmup=" + opts.getOrDefault("warmup", "-") + " iterations="
                    + opts.getOrDefault("iterations", "-") + " forks=" + opts.getOrDefault("forks", "-");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report(results, startup, command, settings, !opts.containsKey("no-gc")));
        System.out.println("wrote " + out);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a + " (see scripts/bench --help)");
            }
            String key = a.substring(2);
            boolean flag = List.of("quick", "no-gc", "no-startup").contains(key);
            if (flag) {
                opts.put(key, "true");
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return opts;
    }

    private record Row(String workload, String db, String contender, String rows, RunResult result) {
    }

    static String report(Collection<RunResult> results, List<String[]> startup, String command, String settings,
                         boolean gc) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            var p = r.getParams();
            String bench = p.getBenchmark();
            String simple = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
            String db = p.getParamsKeys().contains("db") ? p.getParam("db") : "mongo (in-process)";
            String n = p.getParamsKeys().contains("rows") ? p.getParam("rows") : "";
            rows.add(new Row(simple, db, p.getParam("contender"), n, r));
        }
        List<String> order = List.of("jdbcIndex", "jdbcName", "raw", "jdbi", "hibernateStateless", "hibernateStateful", "orm");
        rows.sort(Comparator.comparing(Row::db).thenComparing(Row::workload)
                .thenComparing(row -> order.indexOf(row.contender())));

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by `scripts/bench` (issue 13's suite, module `eloquent-benchmarks`, JMH ")
                .append(org.openjdk.jmh.util.Version.getPlainVersion()).append("); do not edit by hand.\n\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(")\n");
        md.append("- JMH settings: ").append(settings).append("; mode average time per operation\n");
        md.append("- Ratio: this row's mean over hand-written JDBC reading columns by index (`jdbcIndex`) in the same ")
                .append("run, same workload and database (Mongo: over the raw driver). Lower is faster.\n");
        md.append("- Noise: the machine is shared (2 cores, other builds running at the same time); the error is ")
                .append("JMH's 99.9% interval. Read ratios, not absolute times, and re-run before drawing fine conclusions.\n\n");

        md.append("| workload | database | contender | mean ± error | median | unit | ratio to jdbcIndex |")
                .append(gc ? " alloc B/op |" : "").append('\n');
        md.append("|---|---|---|---:|---:|---|---:|").append(gc ? "---:|" : "").append('\n');
        for (Row row : rows) {
            Result<?> primary = row.result().getPrimaryResult();
            Optional<Row> base = rows.stream().filter(o -> o.workload().equals(row.workload()) && o.db().equals(row.db())
                    && o.rows().equals(row.rows()) && (o.contender().equals("jdbcIndex") || o.contender().equals("raw")))
                    .findFirst();
            String ratio = base.map(b -> String.format(Locale.ROOT, "%.2fx",
                    primary.getScore() / b.result().getPrimaryResult().getScore())).orElse("");
            String alloc = "";
            if (gc) {
                Result<?> a = row.result().getSecondaryResults().get("gc.alloc.rate.norm");
                alloc = a == null ? "" : String.format(Locale.ROOT, "%,.0f", a.getScore());
            }
            String workload = row.workload() + (row.rows().isEmpty() || !row.workload().startsWith("Cursor") ? ""
                    : " (" + row.rows() + " rows, -Xmx64m)");
            md.append("| ").append(workload).append(" | ").append(row.db()).append(" | ").append(row.contender())
                    .append(" | ").append(fmt(primary.getScore())).append(" ± ").append(fmt(primary.getScoreError()))
                    .append(" | ").append(fmt(primary.getStatistics().getPercentile(50)))
                    .append(" | ").append(primary.getScoreUnit()).append(" | ").append(ratio).append(" |")
                    .append(gc ? " " + alloc + " |" : "").append('\n');
        }
        if (!startup.isEmpty()) {
            md.append("\n## Startup (whole processes)\n\n");
            md.append("Each command started ").append(startup.get(0)[4]).append(" times after one warm-up run by `scripts/bench`, ")
                    .append("wall time from start to exit; SQLite file, one query by key.\n\n");
            md.append("| command | min ms | median ms | max ms |\n|---|---:|---:|---:|\n");
            for (String[] s : startup) {
                md.append("| ").append(s[0]).append(" | ").append(s[1]).append(" | ").append(s[2]).append(" | ")
                        .append(s[3]).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String machine() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say less
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores available"
                + (memKb > 0 ? ", " + (memKb / 1024 / 1024) + " GiB RAM" : "") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** The startup processes, each timed from start to exit. */
    static final class Startup {
        private Startup() {
        }

        static List<String[]> measure(int runs) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse("java");
            String cp = System.getProperty("bench.classpath");
            if (cp == null) {
                throw new IllegalStateException("-Dbench.classpath is not set (scripts/bench sets it)");
            }
            Fixture.prepare(Target.SQLITE);
            String dir = "-Dbench.dir=" + Target.dataDir();
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("raw JDBC on HikariCP: boot to first query",
                    List.of(java, dir, "-cp", cp, "dev.eloquent.benchmarks.startup.JdbcFirstQuery", "sqlite"));
            commands.put("Eloquent: boot to first query",
                    List.of(java, dir, "-cp", cp, "dev.eloquent.benchmarks.startup.OrmFirstQuery", "sqlite"));
            String cli = System.getProperty("bench.cli.modules");
            if (cli != null) {
                commands.put("`eloquent --help` (module path)",
                        List.of(java, "-p", cli, "-m", "dev.eloquent.cli/dev.eloquent.cli.EloquentCli", "--help"));
            }
            List<String[]> rows = new ArrayList<>();
            for (var e : commands.entrySet()) {
                run(e.getValue());
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    ms[i] = run(e.getValue());
                }
                Arrays.sort(ms);
                double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
                rows.add(new String[]{e.getKey(), fmt(ms[0]), fmt(median), fmt(ms[runs - 1]), Integer.toString(runs)});
                System.out.println("startup: " + e.getKey() + " median " + fmt(median) + " ms");
            }
            return rows;
        }

        private static double run(List<String> command) throws IOException, InterruptedException {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            double ms = (System.nanoTime() - start) / 1e6;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
            }
            return ms;
        }
    }
}
