package main

// What Envoy resolves between objects when it loads the bootstrap.

import (
	"fmt"
	"strings"

	bootstrapv3 "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	clusterv3 "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/ext_proc/v3"
	hcmv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	upstreamhttpv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/upstreams/http/v3"
)

const (
	routerFilter        = "envoy.filters.http.router"
	routerType          = "envoy.extensions.filters.http.router.v3.Router"
	httpProtocolOptions = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"
)

// crossReferences checks what Envoy resolves between objects at start-up and collects the summary.
func crossReferences(bootstrap *bootstrapv3.Bootstrap, r *report) summary {
	out := summary{ListenerPorts: []uint32{}, Listeners: []string{}, Clusters: []string{}}
	clusters := map[string]*clusterv3.Cluster{}
	for i, cluster := range bootstrap.GetStaticResources().GetClusters() {
		if _, seen := clusters[cluster.GetName()]; seen {
			r.problem(fmt.Sprintf("static_resources.clusters[%d].name", i), "duplicate cluster name %q", cluster.GetName())
		}
		clusters[cluster.GetName()] = cluster
		out.Clusters = append(out.Clusters, cluster.GetName())
	}
	listenerNames := map[string]bool{}
	for i, listener := range bootstrap.GetStaticResources().GetListeners() {
		path := fmt.Sprintf("static_resources.listeners[%d]", i)
		if listenerNames[listener.GetName()] {
			r.problem(path+".name", "duplicate listener name %q", listener.GetName())
		}
		listenerNames[listener.GetName()] = true
		out.Listeners = append(out.Listeners, listener.GetName())
		if port := listener.GetAddress().GetSocketAddress().GetPortValue(); port != 0 {
			out.ListenerPorts = append(out.ListenerPorts, port)
		}
		for _, each := range filterChains(listener, path) {
			for j, filter := range each.chain.GetFilters() {
				filterPath := fmt.Sprintf("%s.filters[%d]", each.path, j)
				manager := &hcmv3.HttpConnectionManager{}
				if filter.GetTypedConfig().MessageIs(manager) && filter.GetTypedConfig().UnmarshalTo(manager) == nil {
					checkConnectionManager(manager, filterPath+".typed_config", clusters, r)
				}
			}
		}
	}
	return out
}

type pathedChain struct {
	path  string
	chain *listenerv3.FilterChain
}

func filterChains(listener *listenerv3.Listener, path string) []pathedChain {
	var chains []pathedChain
	for i, chain := range listener.GetFilterChains() {
		chains = append(chains, pathedChain{fmt.Sprintf("%s.filter_chains[%d]", path, i), chain})
	}
	if listener.GetDefaultFilterChain() != nil {
		chains = append(chains, pathedChain{path + ".default_filter_chain", listener.GetDefaultFilterChain()})
	}
	return chains
}

func checkConnectionManager(manager *hcmv3.HttpConnectionManager, path string, clusters map[string]*clusterv3.Cluster, r *report) {
	for v, host := range manager.GetRouteConfig().GetVirtualHosts() {
		for i, route := range host.GetRoutes() {
			routePath := fmt.Sprintf("%s.route_config.virtual_hosts[%d].routes[%d].route", path, v, i)
			if name := route.GetRoute().GetCluster(); name != "" && clusters[name] == nil {
				r.problem(routePath+".cluster", "unknown cluster %q (not in static_resources.clusters)", name)
			}
			for w, weighted := range route.GetRoute().GetWeightedClusters().GetClusters() {
				if clusters[weighted.GetName()] == nil {
					r.problem(fmt.Sprintf("%s.weighted_clusters.clusters[%d].name", routePath, w),
						"unknown cluster %q (not in static_resources.clusters)", weighted.GetName())
				}
			}
		}
	}
	filters := manager.GetHttpFilters()
	routers := 0
	for i, filter := range filters {
		filterPath := fmt.Sprintf("%s.http_filters[%d]", path, i)
		if isRouter(filter) {
			routers++
			if i != len(filters)-1 {
				r.problem(filterPath, "the router filter %s is terminal and must be the last HTTP filter", routerFilter)
			}
		}
		processor := &extprocv3.ExternalProcessor{}
		if filter.GetTypedConfig().MessageIs(processor) && filter.GetTypedConfig().UnmarshalTo(processor) == nil {
			checkGrpcCluster(processor.GetGrpcService().GetEnvoyGrpc().GetClusterName(),
				filterPath+".typed_config.grpc_service.envoy_grpc.cluster_name", clusters, r)
		}
	}
	if routers == 0 {
		r.problem(path+".http_filters", "no router filter %s: it must be the last HTTP filter", routerFilter)
	}
}

func isRouter(filter *hcmv3.HttpFilter) bool {
	if filter.GetTypedConfig() != nil {
		return strings.TrimPrefix(filter.GetTypedConfig().GetTypeUrl(), "type.googleapis.com/") == routerType
	}
	return filter.GetName() == routerFilter
}

// checkGrpcCluster: a gRPC client cluster must exist and speak HTTP/2, or every call fails.
func checkGrpcCluster(name, path string, clusters map[string]*clusterv3.Cluster, r *report) {
	if name == "" {
		return
	}
	cluster := clusters[name]
	if cluster == nil {
		r.problem(path, "unknown gRPC cluster %q (not in static_resources.clusters)", name)
		return
	}
	if cluster.GetHttp2ProtocolOptions() != nil {
		return
	}
	options := &upstreamhttpv3.HttpProtocolOptions{}
	packed := cluster.GetTypedExtensionProtocolOptions()[httpProtocolOptions]
	if packed != nil && packed.UnmarshalTo(options) == nil && options.GetExplicitHttpConfig().GetHttp2ProtocolOptions() != nil {
		return
	}
	r.problem(path, "gRPC cluster %q does not speak HTTP/2 (set http2_protocol_options, or typed_extension_protocol_options "+
		"%s explicit_http_config.http2_protocol_options)", name, httpProtocolOptions)
}
