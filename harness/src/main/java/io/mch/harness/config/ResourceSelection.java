package io.mch.harness.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Velero's resource filtering, as a Backup (or a Schedule's template) and a Restore write it:
 * which namespaces, which resources and which labels. Empty includes, or {@code *} among them,
 * mean all; an exclude wins over an include. Resources are named as Velero names them, by plural
 * ({@code configmaps}) or fully qualified ({@code deployments.apps},
 * {@code dnsendpoints.externaldns.k8s.io}). A {@code labelSelector} must match; else, when
 * {@code orLabelSelectors} are given, one of them must (Velero refuses both at once, and so does
 * the binder). An object labelled {@code velero.io/exclude-from-backup=true} is never backed up.
 */
public record ResourceSelection(
        List<String> includedNamespaces,
        List<String> excludedNamespaces,
        List<String> includedResources,
        List<String> excludedResources,
        Optional<LabelSelector> labelSelector,
        List<LabelSelector> orLabelSelectors) {

    public static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";

    /** Everything: Velero's default. */
    public static final ResourceSelection ALL =
            new ResourceSelection(List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());

    public ResourceSelection {
        includedNamespaces = List.copyOf(includedNamespaces);
        excludedNamespaces = List.copyOf(excludedNamespaces);
        includedResources = List.copyOf(includedResources);
        excludedResources = List.copyOf(excludedResources);
        orLabelSelectors = List.copyOf(orLabelSelectors);
    }

    /** Only the objects of one namespace (mch's own {@code namespace:} key). */
    public static ResourceSelection onlyNamespace(String namespace) {
        return new ResourceSelection(List.of(namespace), List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }

    public boolean selectsNamespace(String namespace) {
        return included(includedNamespaces, namespace) && !excludedNamespaces.contains(namespace);
    }

    /** Whether the resource {@code plural} of API group {@code group} ("" for the core group) is selected. */
    public boolean selectsResource(String plural, String group) {
        String qualified = group.isEmpty() ? plural : plural + "." + group;
        boolean excluded = excludedResources.contains(plural) || excludedResources.contains(qualified);
        boolean included = includedResources.isEmpty() || includedResources.contains("*")
                || includedResources.contains(plural) || includedResources.contains(qualified);
        return included && !excluded;
    }

    /** Whether an object with these labels (null: none) is selected. */
    public boolean selectsLabels(Map<String, String> labels) {
        if (labelSelector.isPresent()) {
            return LabelSelectors.matches(labelSelector.get(), labels);
        }
        return orLabelSelectors.isEmpty() || orLabelSelectors.stream().anyMatch(s -> LabelSelectors.matches(s, labels));
    }

    /** The namespaces as the history names them: {@code *} for all, else the list, less the excluded. */
    public String describeNamespaces() {
        String included = includedNamespaces.isEmpty() || includedNamespaces.contains("*")
                ? "*" : String.join(",", includedNamespaces);
        return excludedNamespaces.isEmpty() ? included : included + " except " + String.join(",", excludedNamespaces);
    }

    private static boolean included(List<String> includes, String value) {
        return includes.isEmpty() || includes.contains("*") || includes.contains(value);
    }
}
