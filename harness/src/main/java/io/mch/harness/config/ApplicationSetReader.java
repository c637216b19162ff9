package io.mch.harness.config;

import io.mch.harness.config.SyncSpec.Application;
import io.mch.harness.config.SyncSpec.Helm;
import io.mch.harness.config.SyncSpec.Rendering;
import io.mch.harness.config.SyncSpec.Targets;
import io.mch.harness.input.Cursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads an Argo CD {@code ApplicationSet} field by field (docs/fidelity.md has the table): one
 * {@code clusters} generator (its selector with {@code matchLabels} and {@code matchExpressions};
 * without one, Argo CD also targets its own cluster, the hub; its {@code values}; a post-selector
 * narrowing it, see {@link PostSelectors}), the template's {@code source.path}
 * (a directory: plain files, a kustomization or a Helm chart; {@link ClusterParameters} may make it
 * one per cluster), {@code source.directory}, {@code source.helm}, {@code destination.namespace} and
 * {@code syncPolicy.automated}. Fields
 * that do not change what lands ({@code repoURL}, {@code project}, ...) are accepted; every other
 * field is refused with its path.
 */
final class ApplicationSetReader {

    private static final String RESOURCE = "Argo CD's ApplicationSet";
    private static final Pattern CLUSTER_NAME = Pattern.compile("\\{\\{\\s*\\.?(name|nameNormalized)\\s*}}");
    private static final Pattern SERVER = Pattern.compile("\\{\\{\\s*\\.?server\\s*}}");

    private final GitOpsManifests.Context context;

    ApplicationSetReader(GitOpsManifests.Context context) {
        this.context = context;
    }

    Optional<Application> read(Path file, Optional<String> name, ManifestMapping spec) {
        boolean known = FieldRules.check(spec, RESOURCE, Set.of("generators", "template", "goTemplate",
                "goTemplateOptions", "syncPolicy", "preservedFields", "ignoreApplicationDifferences"), Map.of(
                "strategy", "progressive syncs (spec.strategy)",
                "templatePatch", "template patches (spec.templatePatch)"));
        Optional<Boolean> goTemplate = spec.bool("goTemplate", false);
        boolean go = goTemplate.orElse(false);
        Optional<ManifestMapping> template = spec.requireMapping("template");
        Optional<ManifestMapping> destinationAt = template.flatMap(t -> t.mapping("spec")).flatMap(s -> s.mapping("destination"));
        Optional<Generated> generated = spec.require("generators").flatMap(g -> generators(g, go, destinationAt));
        Optional<Targets> targets = generated.map(Generated::targets);
        Map<String, String> values = generated.map(Generated::values).orElse(Map.of());
        Optional<Set<String>> listKeys = generated.flatMap(Generated::listKeys);
        Optional<String> appName = template.flatMap(t -> t.mapping("metadata")).flatMap(m -> m.get("name"))
                .flatMap(Cursor::text).map(t -> ClusterParameters.withValues(t, values, go)).or(() -> name);
        Optional<ManifestMapping> app = template.flatMap(this::templateSpec);
        Optional<ManifestMapping> source = app.flatMap(a -> a.requireMapping("source"));
        Optional<Cursor> pathAt = source.flatMap(s -> s.require("path"));
        Optional<String> path = pathAt.flatMap(Cursor::text).map(p -> ClusterParameters.withValues(p, values, go))
                .filter(p -> parameters(pathAt.get(), p, go, listKeys));
        Optional<Rendering> rendering = source.flatMap(s -> path.flatMap(p -> targets.flatMap(t ->
                rendering(s, pathAt.get(), p, t, new AppName(appName.orElse(""), listKeys.isPresent())))));
        Optional<String> namespace = app.flatMap(a -> destination(a, go, values, listKeys));
        Optional<ManifestMapping> policy = app.flatMap(a -> a.mapping("syncPolicy"));
        Optional<Boolean> policyKnown = policy.map(p -> FieldRules.check(p, RESOURCE, Set.of("automated"), Map.of(
                "syncOptions", "sync options (syncPolicy.syncOptions)",
                "retry", "sync retries (syncPolicy.retry)",
                "managedNamespaceMetadata", "managed namespace metadata"))).or(() -> Optional.of(true));
        Optional<ManifestMapping> automated = policy.flatMap(p -> p.mapping("automated"));
        Optional<Boolean> automatedKnown = automated.map(a -> FieldRules.check(a, RESOURCE,
                Set.of("prune", "selfHeal", "enabled"), Map.of("allowEmpty", "automated.allowEmpty (mch prunes to"
                        + " an empty application as allowEmpty: true does)"))).or(() -> Optional.of(true));
        Optional<Boolean> enabled = automated.map(a -> a.bool("enabled", true)).orElse(Optional.of(false));
        Optional<Boolean> prune = automated.map(a -> a.bool("prune", false)).orElse(Optional.of(false));
        Optional<Boolean> selfHeal = automated.map(a -> a.bool("selfHeal", false)).orElse(Optional.of(false));
        if (!known || goTemplate.isEmpty() || name.isEmpty() || targets.isEmpty() || path.isEmpty() || rendering.isEmpty()
                || namespace.isEmpty() || !policyKnown.orElse(false) || !automatedKnown.orElse(false) || enabled.isEmpty()
                || prune.isEmpty() || selfHeal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Application(name.get(), GitOpsManifests.ARGO_KIND, file, targets.get(),
                List.of(context.stored(path.get())), namespace.get(), false, selfHeal.get(), prune.get(), enabled.get(),
                Optional.empty(), rendering.get()));
    }

    /**
     * The clusters a generator chose, its {@code values} (text that may hold the cluster's
     * parameters), and for a list generator the keys its template may use.
     */
    private record Generated(Targets targets, Map<String, String> values, Optional<Set<String>> listKeys) {
        Generated(Targets targets, Map<String, String> values) {
            this(targets, values, Optional.empty());
        }
    }

    /**
     * One clusters generator, narrowed by its post-selector; Argo CD includes its own cluster
     * exactly when the generator has no selector.
     */
    private Optional<Generated> generators(Cursor generators, boolean goTemplate, Optional<ManifestMapping> destination) {
        return generators.items().flatMap(items -> {
            if (items.size() != 1) {
                generators.problem("mch does not model several generators in one ApplicationSet; found " + items.size());
                return Optional.empty();
            }
            return ManifestMapping.of(items.get(0)).flatMap(generator -> {
                boolean known = FieldRules.check(generator, RESOURCE, Set.of("clusters", "list", "selector"), Map.of(
                        "matrix", "the matrix generator", "merge", "the merge generator",
                        "git", "the git generator", "scmProvider", "the SCM provider generator",
                        "pullRequest", "the pull request generator", "clusterDecisionResource",
                        "the cluster decision resource generator", "plugin", "the plugin generator"));
                if (known && generator.get("list").isPresent()) {
                    return list(generator, destination, goTemplate);
                }
                Optional<ManifestMapping> clusters = known ? generator.requireMapping("clusters") : Optional.empty();
                Optional<Optional<LabelSelector>> post = generator.get("selector")
                        .map(c -> PostSelectors.read(c).map(Optional::of)).orElse(Optional.of(Optional.empty()));
                if (!known || clusters.isEmpty() || post.isEmpty()) {
                    return Optional.empty();
                }
                return clusters(clusters.get(), goTemplate).flatMap(g -> post.get().isEmpty() ? Optional.of(g)
                        : narrowed(generator.get("selector").orElseThrow(), g, post.get().get()));
            });
        });
    }

    /** A list generator alone in its item (post-selectors are modelled on the clusters generator only). */
    private Optional<Generated> list(ManifestMapping generator, Optional<ManifestMapping> destination, boolean goTemplate) {
        if (generator.entries().size() > 1) {
            generator.self().problem("mch models a list generator alone in its item (no clusters, no post-selector)");
            return Optional.empty();
        }
        return generator.mapping("list").flatMap(l -> new ListGenerator(context).read(l, destination, goTemplate))
                .map(e -> new Generated(e.targets(), Map.of(), Optional.of(e.keys())));
    }

    private Optional<Generated> clusters(ManifestMapping clusters, boolean goTemplate) {
        boolean known = FieldRules.check(clusters, RESOURCE, Set.of("selector", "values"), Map.of(
                "template", "generator-level template overrides (clusters.template)",
                "flatList", "the flat-list cluster generator (clusters.flatList)"));
        Optional<LabelSelector> selector = clusters.get("selector").map(Selectors::read)
                .orElse(Optional.of(LabelSelector.labels(Map.of())));
        Optional<Map<String, String>> values = clusters.mapping("values").map(v -> strings(v, goTemplate))
                .orElse(Optional.of(Map.of()));
        if (!known || selector.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        boolean everyCluster = selector.get().matchLabels().isEmpty() && selector.get().expressions().isEmpty();
        if (!everyCluster && !context.check(clusters.get("selector").orElseThrow(), selector.get())) {
            return Optional.empty();
        }
        return Optional.of(new Generated(new Targets(List.of(selector.get()), everyCluster), values.get()));
    }

    /**
     * The generator's {@code values}: string values, as Argo CD's CRD types them, whose own
     * placeholders must be cluster parameters mch models (Argo CD renders them per cluster).
     */
    private static Optional<Map<String, String>> strings(ManifestMapping values, boolean goTemplate) {
        return ListGenerator.strings(values).filter(read -> read.entrySet().stream().filter(e ->
                !parameters(values.get(e.getKey()).orElseThrow(), e.getValue(), goTemplate, Optional.empty())).count() == 0);
    }

    /**
     * The generated clusters whose parameters the post-selector matches, as Argo CD filters the
     * generator's parameter sets (flattened keys: {@code name}, {@code metadata.labels.env},
     * {@code values.team}); matching none is refused like a cluster selector that matches none.
     */
    private Optional<Generated> narrowed(Cursor at, Generated generated, LabelSelector post) {
        Targets all = generated.targets();
        List<Topology.ClusterSpec> spokes = context.targeted(new Targets(all.selectors(), all.names(), false));
        List<Topology.ClusterSpec> kept = context.targeted(all).stream()
                .filter(c -> post.matches(PostSelectors.parameters(c, generated.values()))).toList();
        if (kept.isEmpty() && !context.targeted(all).isEmpty()) {
            at.problem("the post-selector " + post + " matches none of the generated clusters");
            return Optional.empty();
        }
        List<String> names = kept.stream().filter(spokes::contains).map(Topology.ClusterSpec::name).toList();
        boolean hub = kept.stream().anyMatch(c -> !spokes.contains(c));
        return Optional.of(new Generated(new Targets(List.of(), names, hub), generated.values()));
    }

    /** The template's spec, with the metadata fields that do not change what lands accepted. */
    private Optional<ManifestMapping> templateSpec(ManifestMapping template) {
        boolean known = FieldRules.check(template, RESOURCE, Set.of("metadata", "spec"), Map.of());
        Optional<ManifestMapping> spec = template.requireMapping("spec");
        boolean specKnown = spec.map(s -> FieldRules.check(s, RESOURCE, Set.of("project", "source", "destination",
                "syncPolicy", "info", "revisionHistoryLimit"), Map.of(
                "sources", "multiple sources (spec.sources)",
                "ignoreDifferences", "ignored differences (spec.ignoreDifferences)"))).orElse(false);
        return known && specKnown ? spec : Optional.empty();
    }

    /** The destination namespace; the cluster must be the generator's ({@code {{server}}} or {@code {{name}}}). */
    private Optional<String> destination(ManifestMapping spec, boolean goTemplate, Map<String, String> values,
            Optional<Set<String>> listKeys) {
        return spec.requireMapping("destination").flatMap(d -> {
            boolean known = FieldRules.check(d, RESOURCE, Set.of("server", "name", "namespace"), Map.of());
            boolean generated = d.get("server").map(s -> s.text().filter(t -> SERVER.matcher(t.strip()).matches()).isPresent())
                    .or(() -> d.get("name").map(n -> n.text().filter(t -> CLUSTER_NAME.matcher(t.strip()).matches()).isPresent()))
                    .orElse(false) || listKeys.isPresent();
            if (!generated) {
                d.self().problem("mch models a destination that is the generated cluster: give server: '{{server}}'"
                        + " or name: '{{name}}' (with goTemplate: '{{.server}}', '{{.name}}')");
            }
            Optional<String> namespace = d.get("namespace").map(n -> n.text().map(t -> ClusterParameters.withValues(t,
                            values, goTemplate)).flatMap(t -> ClusterParameters.templated(t)
                            ? Optional.of(t).filter(x -> parameters(n, x, goTemplate, listKeys)) : n.name()))
                    .orElse(Optional.of(GitOpsManifests.DEFAULT_NAMESPACE));
            return known && generated ? namespace : Optional.empty();
        });
    }

    /** Whether the placeholders of {@code text} are ones mch models; each other one is a problem at {@code at}. */
    private static boolean parameters(Cursor at, String text, boolean goTemplate, Optional<Set<String>> listKeys) {
        List<String> wrong = listKeys.map(k -> ClusterParameters.unmodelled(text, goTemplate, k))
                .orElseGet(() -> ClusterParameters.unmodelled(text, goTemplate));
        wrong.forEach(at::problem);
        return wrong.isEmpty();
    }

    /**
     * How the path renders. A templated path is resolved for every targeted cluster, and each must
     * be a directory that renders the same way (Argo CD generates one Application per cluster).
     */
    private Optional<Rendering> rendering(ManifestMapping source, Cursor at, String path, Targets targets,
            AppName applicationName) {
        if (!ClusterParameters.templated(path)) {
            return context.directory(at, path).flatMap(p -> source(source, p, applicationName));
        }
        List<Optional<Rendering>> each = new java.util.ArrayList<>();
        for (Topology.ClusterSpec cluster : context.targeted(targets)) {
            Optional<String> resolved = ClusterParameters.resolve(path, cluster.name(), cluster.labels(),
                    targets.parameters().getOrDefault(cluster.name(), Map.of()));
            if (resolved.isEmpty()) {
                at.problem("cluster '" + cluster.name() + "' has no label that '" + path + "' names");
                return Optional.empty();
            }
            each.add(context.directory(at, resolved.get()).flatMap(p -> source(source, p, applicationName)));
        }
        if (each.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        if (each.stream().distinct().count() > 1) {
            at.problem("'" + path + "' renders differently per cluster (a chart on one, a directory on another);"
                    + " mch models one way per application");
            return Optional.empty();
        }
        return each.isEmpty() ? Optional.of(Rendering.DIRECTORY) : each.get(0);
    }

    /** How the source's directory is rendered: its files decide, {@code directory} and {@code helm} refine. */
    private Optional<Rendering> source(ManifestMapping source, Path path, AppName applicationName) {
        boolean known = FieldRules.check(source, RESOURCE, Set.of("repoURL", "targetRevision", "path", "directory",
                "helm", "name"), Map.of(
                "chart", "charts from a Helm repository (source.chart); put the chart in the repository",
                "kustomize", "kustomize overrides (source.kustomize); write them in the kustomization",
                "plugin", "config management plugins (source.plugin)",
                "ref", "sources referenced by ref (source.ref)"));
        boolean chart = Files.isRegularFile(path.resolve("Chart.yaml"));
        boolean kustomization = !chart && Kustomize.in(path);
        if (kustomization && Kustomize.command().isEmpty()) {
            source.get("path").orElseThrow().problem("'" + context.relative(path) + "' holds a kustomization, and no"
                    + " kustomize is installed to render it: " + Kustomize.INSTALL);
            return Optional.empty();
        }
        Optional<ManifestMapping> helm = source.mapping("helm");
        if (helm.isPresent() && !chart) {
            helm.get().self().problem("source.helm applies to a Helm chart, and '" + context.relative(path)
                    + "' holds no Chart.yaml");
            return Optional.empty();
        }
        Optional<ManifestMapping> directory = source.mapping("directory");
        if (directory.isPresent() && (chart || kustomization)) {
            directory.get().self().problem("source.directory applies to a directory of manifests, and '"
                    + context.relative(path) + "' holds a " + (chart ? "Helm chart" : "kustomization"));
            return Optional.empty();
        }
        Optional<Boolean> recurse = directory.map(d -> FieldRules.check(d, RESOURCE, Set.of("recurse", "include", "exclude"),
                Map.of("jsonnet", "Jsonnet (directory.jsonnet)")) ? d.bool("recurse", false) : Optional.<Boolean>empty())
                .orElse(Optional.of(false));
        Optional<Optional<String>> include = glob(directory, "include");
        Optional<Optional<String>> exclude = glob(directory, "exclude");
        Optional<Optional<Helm>> helmValues = chart
                ? helm(source.self(), helm, path, applicationName).map(Optional::of)
                : Optional.of(Optional.empty());
        if (!known || recurse.isEmpty() || include.isEmpty() || exclude.isEmpty() || helmValues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rendering(recurse.get(), include.get(), exclude.get(), helmValues.get()));
    }

    private static Optional<Optional<String>> glob(Optional<ManifestMapping> directory, String key) {
        Optional<Cursor> value = directory.flatMap(d -> d.get(key));
        return value.map(v -> v.text().filter(t -> FieldRules.literal(v)).map(Optional::of)).orElse(Optional.of(Optional.empty()));
    }

    private Optional<Helm> helm(Cursor source, Optional<ManifestMapping> given, Path chart, AppName applicationName) {
        if (given.isEmpty()) {
            return releaseName(source, Optional.empty(), applicationName).map(r -> new Helm(r, List.of(), Optional.empty(), Map.of()));
        }
        ManifestMapping helm = given.get();
        boolean known = FieldRules.check(helm, RESOURCE, Set.of("releaseName", "valueFiles", "values", "valuesObject",
                "parameters", "passCredentials"), Map.of());
        Optional<String> release = releaseName(source, helm.get("releaseName"), applicationName);
        Optional<List<String>> files = helm.get("valueFiles").map(c -> c.list(f -> f.text().filter(t -> {
            if (!Files.isRegularFile(chart.resolve(t).normalize()) || !chart.resolve(t).normalize().startsWith(context.root())) {
                f.problem("'" + t + "' is not a file of the chart's repository");
                return false;
            }
            return true;
        }))).orElse(Optional.of(List.of()));
        Optional<Optional<String>> values = helm.get("valuesObject").map(c -> ManifestMapping.of(c).flatMap(ManifestMapping::values)
                        .map(v -> Optional.of(new Yaml().dump(v))))
                .or(() -> helm.get("values").map(c -> c.text().map(Optional::of)))
                .orElse(Optional.of(Optional.empty()));
        Optional<Map<String, String>> parameters = helm.get("parameters").map(c -> c.list(this::parameter).map(list -> {
            Map<String, String> map = new LinkedHashMap<>();
            list.forEach(p -> map.put(p.getKey(), p.getValue()));
            return map;
        })).orElse(Optional.of(Map.of()));
        if (!known || release.isEmpty() || files.isEmpty() || values.isEmpty() || parameters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Helm(release.get(), files.get(), values.get(), parameters.get()));
    }

    private Optional<Map.Entry<String, String>> parameter(Cursor item) {
        return ManifestMapping.of(item).flatMap(p -> {
            boolean known = FieldRules.check(p, RESOURCE, Set.of("name", "value"), Map.of(
                    "forceString", "helm.parameters[].forceString"));
            Optional<String> name = p.require("name").flatMap(Cursor::text);
            Optional<String> value = p.require("value").flatMap(Cursor::text);
            return known && name.isPresent() && value.isPresent() ? Optional.of(Map.entry(name.get(), value.get())) : Optional.empty();
        });
    }

    /** Argo CD's release name: the given one, else the generated Application's name. */
    private static Optional<String> releaseName(Cursor source, Optional<Cursor> given, AppName applicationName) {
        if (given.isPresent()) {
            return given.get().text().filter(t -> FieldRules.literal(given.get()));
        }
        String name = applicationName.text();
        String rest = applicationName.list() ? name : CLUSTER_NAME.matcher(name).replaceAll("");
        if (rest.contains("{{")) {
            source.problem("the Helm release name defaults to the Application's name '" + name + "', whose"
                    + " parameters mch does not model " + (applicationName.list() ? "from a list generator's elements"
                    : "beyond {{name}}") + "; set source.helm.releaseName");
            return Optional.empty();
        }
        return Optional.of(CLUSTER_NAME.matcher(name).replaceAll(GitOpsManifests.CLUSTER_PLACEHOLDER));
    }

    /** The generated Application's name as written, and whether a list generator's elements fill it in. */
    private record AppName(String text, boolean list) {}
}
