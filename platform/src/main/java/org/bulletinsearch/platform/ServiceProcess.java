package org.bulletinsearch.platform;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.infra.support.InfrastructureException;
import org.bulletinsearch.infra.support.JvmProcess;

/**
 * A service run as in production: {@code java -jar target/quarkus-app/quarkus-run.jar} in a process of its
 * own, configured through environment variables only, ready when {@code /q/health/ready} answers 200,
 * stopped with SIGTERM (which Quarkus answers with a graceful shutdown).
 */
public final class ServiceProcess extends JvmProcess {

    private final Service service;
    private final Path runJar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final boolean classDataSharing;
    private final Path logFile;
    private final Duration startTimeout;
    private volatile ClassDataArchive classData;

    ServiceProcess(Service service, Path runJar, int port, Map<String, String> environment, List<String> jvmOptions,
            boolean classDataSharing, Path logFile, Duration startTimeout) {
        super(service.module(), logFile, Readiness.httpOk(URI.create("http://127.0.0.1:" + port + "/q/health/ready")),
                StopRequest.SIGTERM, false, startTimeout);
        this.service = service;
        this.runJar = runJar;
        this.port = port;
        Map<String, String> variables = new HashMap<>(environment);
        variables.put(service.portVariable(), Integer.toString(port));
        this.environment = Map.copyOf(variables);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classDataSharing = classDataSharing;
        this.logFile = logFile;
        this.startTimeout = startTimeout;
    }

    /** The same service on the same port, with some environment variables changed; not started. */
    ServiceProcess withEnvironment(Map<String, String> changes) {
        Map<String, String> variables = new HashMap<>(environment);
        variables.putAll(changes);
        return new ServiceProcess(service, runJar, port, variables, jvmOptions, classDataSharing, logFile, startTimeout);
    }

    @Override
    protected List<String> command() {
        if (!Files.isRegularFile(runJar)) {
            throw new InfrastructureException(service.module() + " is not built: " + runJar
                    + " is missing (./mvnw -B install -DskipTests)");
        }
        List<String> command = new ArrayList<>(jvmOptions);
        if (classDataSharing) {
            classData = ClassDataArchive.forJar(runJar);
            command.addAll(classData.jvmOptions());
        }
        command.addAll(List.of("-jar", runJar.toString()));
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        return environment;
    }

    /** Only a normal exit completes the class-data archive a first run trains. */
    @Override
    protected void exited(boolean normally) {
        ClassDataArchive archive = classData;
        classData = null;
        if (archive != null) {
            archive.afterExit(normally);
        }
    }

    /** Which service this is. */
    public Service service() {
        return service;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
