package org.bulletinsearch.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes NetworkPolicy ingress semantics, for the questions the tests ask ("may this source reach
 * that pod on that port?"): a pod selected by no policy with policyType Ingress takes everything; a
 * selected pod takes only what some rule of a selecting policy allows. ipBlock peers are not modelled
 * (these manifests use none), so a source outside the cluster matches only rules without "from".
 */
final class NetworkPolicyModel {

    /** A pod: its namespace, labels and named container ports. */
    record Pod(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    /** Where traffic comes from: a pod in a namespace (with that namespace's labels), or outside the cluster. */
    record Source(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        static Source outsideCluster() {
            return new Source(null, Map.of(), Map.of());
        }

        static Source pod(String namespace, Map<String, String> podLabels) {
            return new Source(namespace, Map.of("kubernetes.io/metadata.name", namespace), podLabels);
        }

        boolean inCluster() {
            return namespace != null;
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkPolicyModel(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    boolean allows(Source source, Pod target, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> Objects.equals(p.getMetadata().getNamespace(), target.namespace()))
                .filter(p -> isIngressPolicy(p))
                .filter(p -> matches(p.getSpec().getPodSelector(), target.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            for (NetworkPolicyIngressRule rule : nullSafe(policy.getSpec().getIngress())) {
                if (portMatches(rule.getPorts(), target, port) && fromMatches(rule.getFrom(), policy, source)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIngressPolicy(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, Pod target, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (p.getProtocol() != null && !p.getProtocol().equals("TCP")) {
                continue;
            }
            IntOrString wanted = p.getPort();
            if (wanted == null) {
                return true;
            }
            Integer number = wanted.getIntVal() != null ? wanted.getIntVal() : target.namedPorts().get(wanted.getStrVal());
            if (number == null) {
                continue;
            }
            int end = p.getEndPort() != null ? p.getEndPort() : number;
            if (port >= number && port <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromMatches(List<NetworkPolicyPeer> from, NetworkPolicy policy, Source source) {
        if (from == null || from.isEmpty()) {
            return true;
        }
        if (!source.inCluster()) {
            return false;
        }
        for (NetworkPolicyPeer peer : from) {
            LabelSelector pods = peer.getPodSelector();
            LabelSelector namespaces = peer.getNamespaceSelector();
            if (pods == null && namespaces == null) {
                continue; // ipBlock
            }
            boolean namespaceOk = namespaces == null
                    ? Objects.equals(source.namespace(), policy.getMetadata().getNamespace())
                    : matches(namespaces, source.namespaceLabels());
            boolean podOk = pods == null || matches(pods, source.podLabels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement requirement : nullSafe(selector.getMatchExpressions())) {
            String value = labels.get(requirement.getKey());
            List<String> values = nullSafe(requirement.getValues());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
