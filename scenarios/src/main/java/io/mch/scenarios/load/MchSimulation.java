package io.mch.scenarios.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load of a scenario's {@code load:} section, run by the harness in Gatling's own JVM (its
 * Netty cannot share the harness's). Each virtual user does what a global client does: asks the
 * load balancer's DNS endpoint which cluster serves the service, then calls that cluster over the
 * clients' link, so partitions and latency on that link hit the load too. Everything it needs comes
 * in as {@code mch.load.*} system properties set by {@code io.mch.harness.load.GatlingLoad}.
 */
public class MchSimulation extends Simulation {

    public MchSimulation() {
        String dns = property("mch.load.dns");
        String service = property("mch.load.service");
        Map<String, String> clusters = clusters(property("mch.load.clusters"));
        double from = Double.parseDouble(property("mch.load.from"));
        double to = Double.parseDouble(property("mch.load.to"));
        Duration duration = Duration.ofMillis(Long.parseLong(property("mch.load.duration-ms")));
        Duration timeout = Duration.ofMillis(Long.parseLong(property("mch.load.timeout-ms")));
        long startsInMs = Long.parseLong(property("mch.load.start-epoch-ms")) - System.currentTimeMillis();

        ScenarioBuilder clients = scenario("global clients")
                .exec(http("resolve").get("http://" + dns + "/resolve?name=" + service)
                        .requestTimeout(timeout)
                        .check(status().is(200), jmesPath("cluster").saveAs("cluster")))
                .exitHereIfFailed()
                .exec(http("call").get(session -> "http://" + address(clusters, session) + "/" + service + "/load")
                        .requestTimeout(timeout)
                        .check(status().is(200)));
        OpenInjectionStep profile = from == to
                ? constantUsersPerSec(from).during(duration)
                : rampUsersPerSec(from).to(to).during(duration);
        setUp(clients.injectOpen(nothingFor(Duration.ofMillis(Math.max(0, startsInMs))), profile))
                .protocols(http.disableCaching())
                .maxDuration(Duration.ofMillis(Math.max(0, startsInMs)).plus(duration).plus(timeout));
    }

    private static String address(Map<String, String> clusters, Session session) {
        String cluster = session.getString("cluster");
        String address = clusters.get(cluster);
        if (address == null) {
            throw new IllegalStateException("the load balancer answered '" + cluster + "', which has no client link");
        }
        return address;
    }

    /** {@code name=host:port,name=host:port}. */
    private static Map<String, String> clusters(String text) {
        Map<String, String> clusters = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.split("=", 2);
            clusters.put(parts[0], parts[1]);
        }
        return clusters;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; this simulation is started by"
                    + " mch for a scenario's load: section");
        }
        return value;
    }
}
