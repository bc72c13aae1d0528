package main

import (
	"encoding/json"
	"fmt"
	"regexp"
)

// Query is one panel target of a Grafana dashboard and the metrics it selects.
type Query struct {
	Panel   string   `json:"panel"`
	Expr    string   `json:"expr"`
	Metrics []string `json:"metrics"`
}

type panel struct {
	Title   string  `json:"title"`
	Type    string  `json:"type"`
	Panels  []panel `json:"panels"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
}

var (
	// Grafana's interval variables become durations, every other variable a label value.
	intervalVariable = regexp.MustCompile(`\$(__rate_interval|__interval|__range)\b|\$\{(__rate_interval|__interval|__range)\}`)
	otherVariable    = regexp.MustCompile(`\$\{[A-Za-z0-9_:]+\}|\$[A-Za-z_][A-Za-z0-9_]*`)
)

// queries parses every panel target's expression (rows' panels too) with promql/parser, after
// replacing Grafana's variables as Grafana would before sending the query.
func queries(file string, dashboard []byte) ([]Query, []string) {
	var root struct {
		Title  string  `json:"title"`
		UID    string  `json:"uid"`
		Panels []panel `json:"panels"`
	}
	if err := json.Unmarshal(dashboard, &root); err != nil {
		return nil, []string{fmt.Sprintf("%s: not a dashboard JSON: %v", file, err)}
	}
	var problems []string
	if root.Title == "" || root.UID == "" {
		problems = append(problems, fmt.Sprintf("%s: the dashboard needs a title and a uid", file))
	}
	var result []Query
	var walk func(prefix string, panels []panel)
	walk = func(prefix string, panels []panel) {
		for i, p := range panels {
			where := fmt.Sprintf("%spanels[%d] (%s)", prefix, i, p.Title)
			walk(where+".", p.Panels)
			for j, target := range p.Targets {
				if target.Expr == "" {
					continue
				}
				expr := otherVariable.ReplaceAllString(intervalVariable.ReplaceAllString(target.Expr, "5m"), "x")
				metrics, err := selectedMetrics(expr)
				if err != nil {
					problems = append(problems, fmt.Sprintf("%s: %s.targets[%d]: %v", file, where, j, err))
				}
				result = append(result, Query{Panel: p.Title, Expr: target.Expr, Metrics: metrics})
			}
		}
	}
	walk("", root.Panels)
	if len(result) == 0 {
		problems = append(problems, fmt.Sprintf("%s: no panel has a PromQL target", file))
	}
	return result, problems
}
