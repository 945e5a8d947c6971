package dev.eloquent.examples;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The project's style for generated sources: Checkstyle with {@code config/generated-style.xml}, run in this
 * JVM on the files the generators wrote (javac's {@code -Xlint:all -Werror} covers the rest when they are
 * compiled). Returns each violation as {@code File.java:line: message (Check)}.
 */
final class GeneratedStyle {
    static final Path CONFIG = Path.of("..", "config", "generated-style.xml").toAbsolutePath().normalize();

    private GeneratedStyle() {
    }

    static List<String> violations(List<Path> files) throws CheckstyleException {
        List<String> found = new ArrayList<>();
        Checker checker = new Checker();
        try {
            checker.setModuleClassLoader(Checker.class.getClassLoader());
            checker.configure(ConfigurationLoader.loadConfiguration(CONFIG.toString(),
                    new PropertiesExpander(new Properties())));
            checker.addListener(new AuditListener() {
                @Override
                public void auditStarted(AuditEvent event) {
                }

                @Override
                public void auditFinished(AuditEvent event) {
                }

                @Override
                public void fileStarted(AuditEvent event) {
                }

                @Override
                public void fileFinished(AuditEvent event) {
                }

                @Override
                public void addError(AuditEvent event) {
                    String check = event.getSourceName().substring(event.getSourceName().lastIndexOf('.') + 1);
                    found.add(Path.of(event.getFileName()).getFileName() + ":" + event.getLine() + ": "
                            + event.getMessage() + " (" + check + ")");
                }

                @Override
                public void addException(AuditEvent event, Throwable throwable) {
                    found.add(Path.of(event.getFileName()).getFileName() + ": not parsed: " + throwable.getMessage());
                }
            });
            checker.process(files.stream().map(Path::toFile).toList());
        } finally {
            checker.destroy();
        }
        return found;
    }
}
