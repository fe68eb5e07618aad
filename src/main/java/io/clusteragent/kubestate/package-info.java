/**
 * Kubernetes object metrics exactly as kube-state-metrics v2.20 writes them (names, labels, label order, values,
 * HELP and TYPE), built the way kube-state-metrics is fast: every object is rendered to bytes once, when the
 * informers see it, and a scrape hands out the kept bytes, family by family, without copying them.
 *
 * <h2>How it maps to kube-state-metrics</h2>
 * <table>
 * <caption>kube-state-metrics source and its port</caption>
 * <tr><th>kube-state-metrics</th><th>here</th></tr>
 * <tr><td>{@code metric.Metric{LabelKeys, LabelValues, Value}}</td><td>{@link io.clusteragent.kubestate.Metric}</td></tr>
 * <tr><td>{@code metric.Gauge / Counter / Info / StateSet}</td><td>{@link io.clusteragent.kubestate.MetricType}</td></tr>
 * <tr><td>{@code generator.FamilyGenerator}, {@code NewFamilyGeneratorWithStability}, {@code NewOptInFamilyGenerator}</td>
 *     <td>{@link io.clusteragent.kubestate.FamilyGenerator}: {@code stable(...)}, {@code alpha(...)}, its constructor for opt-in and deprecated ones</td></tr>
 * <tr><td>{@code desc<Kind>LabelsDefaultLabels} + {@code wrap<Kind>Func} ({@code mergeKeyValues})</td>
 *     <td>{@link io.clusteragent.kubestate.DefaultLabels}{@code .of(keys, values).wrap(f)}</td></tr>
 * <tr><td>{@code <kind>MetricFamilies(allowAnnotationsList, allowLabelsList)}</td>
 *     <td>a {@code <Kind>Metrics} class with {@code static List<FamilyGenerator<Kind>> families(allowAnnotations, allowLabels)}</td></tr>
 * <tr><td>{@code createPrometheusLabelKeysValues("label", obj.Labels, allowLabelsList)}</td>
 *     <td>{@link io.clusteragent.kubestate.PrometheusLabels#family}{@code ("label", meta.getLabels(), allowLabels)} (no sample when the allowlist is empty)</td></tr>
 * <tr><td>{@code addConditionMetrics(c.Status)}</td><td>{@link io.clusteragent.kubestate.Conditions#metrics}</td></tr>
 * <tr><td>{@code boolFloat64(b)}</td><td>{@link io.clusteragent.kubestate.Metric#bool}</td></tr>
 * <tr><td>{@code if !t.IsZero() { Value: float64(t.Unix()) }}</td><td>{@link io.clusteragent.kubestate.Timestamps#unixSeconds}</td></tr>
 * <tr><td>{@code MetricsStore} (UID to rendered bytes), {@code renderFamilies}</td><td>{@code MetricsStore}, {@code FamilyRenderer}, {@code RenderedObject};
 *     here the bytes of a group of objects are kept family by family ({@code ObjectGroup}, {@code RenderedGroup})</td></tr>
 * <tr><td>{@code MetricsWriter.WriteAll}, {@code SanitizeHeaders}, the handler's filters and {@code # EOF}</td>
 *     <td>{@code KubeStateWriter}, {@link io.clusteragent.kubestate.ResourceSelection}, {@link io.clusteragent.kubestate.ExpositionFormat};
 *     the result is a {@link io.clusteragent.kubestate.Scrape} of kept {@link io.clusteragent.kubestate.TextChunk}s,
 *     gzip-compressed from their kept deflated forms ({@code GzipMember})</td></tr>
 * <tr><td>{@code writeFloat} ({@code strconv.AppendFloat(f, 'g', -1, 64)})</td><td>{@code GoFloat}</td></tr>
 * <tr><td>{@code allowdenylist}, {@code optin}</td><td>{@code FamilyFilter}</td></tr>
 * <tr><td>{@code sharding} (FNV-1a 64 + jump hash), {@code --namespaces}</td><td>{@code Shard}, {@code ObjectScope}</td></tr>
 * </table>
 *
 * <h2>Adding a resource's families</h2>
 * <ol>
 * <li>Port {@code internal/store/<kind>.go} into one package-private class {@code <Kind>Metrics} of this
 *     package ({@link io.clusteragent.kubestate.NamespaceMetrics NamespaceMetrics} is the worked example), in the
 *     same family order, with the same names and help texts (without the {@code [STABLE] } prefix: the
 *     stability adds it). Declare the default labels once:
 *     <pre>{@code
 * private static final DefaultLabels<Pod> DEFAULT_LABELS = DefaultLabels.of(
 *         List.of("namespace", "pod", "uid"),
 *         p -> List.of(p.getMetadata().getNamespace(), p.getMetadata().getName(), p.getMetadata().getUid()));
 *     }</pre>
 *     and write each family as {@code FamilyGenerator.stable(name, help, MetricType.GAUGE,
 *     DEFAULT_LABELS.wrap(p -> List.of(...metrics...)))}. A family with no sample for an object returns
 *     {@code List.of()}. Label values may be null (written as {@code ""}, as Go's zero string); fabric8 getters of
 *     absent fields return null, so guard nested reads ({@code getStatus()}, {@code getSpec()}) as Go never needs to.
 * </li>
 * <li>Expose {@code static final KubeStateResource<Kind> RESOURCE = new KubeStateResource<>("<plural>",
 *     Kind.class, <Kind>Metrics::families)} (or {@code KubeStateResource.of(plural, type, families)} when the
 *     families take no allowlist). The plural is kube-state-metrics' {@code --resources} name.</li>
 * <li>Replace the resource's comment slot in {@code KubeStateResources} with
 *     {@code resources.add(<Kind>Metrics.RESOURCE);}.</li>
 * <li>Write {@code <Kind>MetricsTest} with {@code GoldenScrape.text(<Kind>Metrics.RESOURCE, object)} (test
 *     sources, this package) compared with the exact scrape text: the objects shaped like the API server's
 *     (builders from fabric8's model), the expected lines from kube-state-metrics' {@code <kind>_test.go} but in
 *     emitted label order (its tests sort labels; the emitted order is default labels first, then the family's
 *     keys as the code lists them). {@code GoldenScrape.scrape(settings, ...)} takes allowlists and opt-ins.</li>
 * </ol>
 *
 * <h2>Wiring</h2>
 * {@link io.clusteragent.kubestate.KubeStateMetrics#create} builds every store from the settings; it is the
 * {@link io.clusteragent.cluster.ObjectListener} the cluster tells of each object (from informer threads; an
 * upsert renders on that thread and never blocks a scrape), and
 * {@link io.clusteragent.kubestate.KubeStateMetrics#scrape} lists one scrape's kept chunks (which the endpoint
 * wraps in one Netty composite buffer, plain or gzip), after
 * {@link io.clusteragent.kubestate.ExpositionFormat#negotiate} and
 * {@link io.clusteragent.kubestate.ResourceSelection#fromQuery}.
 */
package io.clusteragent.kubestate;
