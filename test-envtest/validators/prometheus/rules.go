package main

import (
	"fmt"
	"log/slog"
	"sort"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
	"sigs.k8s.io/yaml"
)

// Rule is one alerting or recording rule and the metrics its expression selects.
type Rule struct {
	Group   string   `json:"group"`
	Name    string   `json:"name"`
	Expr    string   `json:"expr"`
	Metrics []string `json:"metrics"`
}

var promql = parser.NewParser(parser.Options{})

// rules loads a PrometheusRule's spec.groups with Prometheus' rule file loader (model/rulefmt:
// unknown fields refused, every expression parsed by promql/parser, label and annotation
// templates checked), as the prometheus-operator hands them to Prometheus.
func rules(file string, manifest []byte) ([]Rule, []string) {
	var object struct {
		Kind string         `json:"kind"`
		Spec map[string]any `json:"spec"`
	}
	if err := yaml.Unmarshal(manifest, &object); err != nil {
		return nil, []string{fmt.Sprintf("%s: not YAML: %v", file, err)}
	}
	if object.Kind != "PrometheusRule" {
		return nil, []string{fmt.Sprintf("%s: kind is %q, not PrometheusRule", file, object.Kind)}
	}
	spec, err := yaml.Marshal(object.Spec)
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: spec: %v", file, err)}
	}
	groups, errs := rulefmt.Parse(spec, false, model.UTF8Validation, promql, slog.New(slog.DiscardHandler))
	var problems []string
	for _, err := range errs {
		problems = append(problems, fmt.Sprintf("%s: spec: %v", file, err))
	}
	if groups == nil {
		return nil, problems
	}
	var result []Rule
	for _, group := range groups.Groups {
		for i, rule := range group.Rules {
			name := rule.Alert
			if name == "" {
				name = rule.Record
			}
			metrics, err := selectedMetrics(rule.Expr)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: spec.groups[%s].rules[%d] (%s): %v", file, group.Name, i, name, err))
			}
			result = append(result, Rule{Group: group.Name, Name: name, Expr: rule.Expr, Metrics: metrics})
		}
	}
	return result, problems
}

// selectedMetrics parses a PromQL expression and returns the metric names of its selectors.
func selectedMetrics(expr string) ([]string, error) {
	parsed, err := promql.ParseExpr(expr)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	var nameless []string
	parser.Inspect(parsed, func(node parser.Node, _ []parser.Node) error {
		if selector, ok := node.(*parser.VectorSelector); ok {
			name := selector.Name
			for _, m := range selector.LabelMatchers {
				if m.Name == model.MetricNameLabel && name == "" {
					name = m.Value
				}
			}
			if name == "" {
				nameless = append(nameless, selector.String())
			} else {
				set[name] = true
			}
		}
		return nil
	})
	if len(nameless) > 0 {
		return nil, fmt.Errorf("selector %v names no metric", nameless)
	}
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}
