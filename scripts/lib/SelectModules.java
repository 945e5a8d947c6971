import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Prints what a set of root modules needs from a folder of jars, resolved as the launcher does but without
 * binding services (so one driver does not pull in the others): one line per jar ("jar PATH") and per JDK
 * module ("jdk NAME"). Usage: java SelectModules.java POOL ROOT...
 * With --strip-stray-versions JAR: removes META-INF/versions from a jar whose manifest does not say
 * Multi-Release (datafaker ships such leftovers of shading; jlink reads them as a package named META-INF...).
 * (Used by scripts/package-cli and scripts/jlink-image; run by the java launcher as a single source file.)
 */
public final class SelectModules {
    public static void main(String[] args) throws java.io.IOException {
        if (args[0].equals("--strip-stray-versions")) {
            stripStrayVersions(Path.of(args[1]));
            return;
        }
        Path pool = Path.of(args[0]).toAbsolutePath();
        List<String> roots = List.of(args).subList(1, args.length);
        Configuration resolved = Configuration.resolve(ModuleFinder.of(pool), List.of(Configuration.empty()),
                ModuleFinder.ofSystem(), roots);
        TreeSet<String> lines = new TreeSet<>();
        for (ResolvedModule module : resolved.modules()) {
            if (module.reference().descriptor().isAutomatic()) {
                throw new IllegalStateException(module.name() + " is an automatic module: add a descriptor first");
            }
            String location = module.reference().location().map(Object::toString).orElse("");
            lines.add(location.startsWith("jrt:") ? "jdk " + module.name() : "jar " + Path.of(module.reference().location().get()));
        }
        lines.forEach(System.out::println);
    }

    private static void stripStrayVersions(Path jar) throws java.io.IOException {
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            Path manifest = zip.getPath("META-INF/MANIFEST.MF");
            Path versions = zip.getPath("META-INF/versions");
            if (!java.nio.file.Files.exists(versions) || (java.nio.file.Files.exists(manifest)
                    && java.nio.file.Files.readString(manifest).toLowerCase(java.util.Locale.ROOT).contains("multi-release: true"))) {
                return;
            }
            try (var entries = java.nio.file.Files.walk(versions)) {
                for (Path entry : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(entry);
                }
            }
            System.out.println("removed stray META-INF/versions from " + jar.getFileName());
        }
    }
}
