package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/model/textparse"
)

// Family is one metric family as a parser saw it.
type Family struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Labels  []string `json:"labels"`
	Samples int      `json:"samples"`
	// Series of counters and gauges with their values (histograms and summaries are counted only).
	Series []Sample `json:"series,omitempty"`
}

// Sample is one series of a counter or gauge.
type Sample struct {
	Labels map[string]string `json:"labels"`
	Value  float64           `json:"value"`
}

// Scrape is what the parsers made of a /metrics body.
type Scrape struct {
	Parser   string   `json:"parser"`
	Families []Family `json:"families"`
}

// scrape parses the body with the parser Prometheus' scrape loop picks for the content type
// (model/textparse: the text parser for text/plain, the OpenMetrics parser for
// application/openmetrics-text); a text body is also read by client_golang's expfmt parser.
func scrape(file string, body []byte, contentType string) (Scrape, []string) {
	families, problems := scrapeLoopFamilies(file, body, contentType)
	result := Scrape{Parser: "prometheus model/textparse", Families: families}
	if strings.HasPrefix(contentType, "text/plain") {
		fromExpfmt, more := expfmtFamilies(file, body)
		problems = append(problems, more...)
		problems = append(problems, compare(file, families, fromExpfmt)...)
		result.Parser += " + common/expfmt"
	}
	return result, problems
}

func scrapeLoopFamilies(file string, body []byte, contentType string) ([]Family, []string) {
	parser, err := textparse.New(body, contentType, labels.NewSymbolTable(), textparse.ParserOptions{})
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: content type %q: %v", file, contentType, err)}
	}
	byName := map[string]*Family{}
	var order []string
	var current *Family
	family := func(name string) *Family {
		if f, ok := byName[name]; ok {
			return f
		}
		f := &Family{Name: name, Type: "unknown"}
		byName[name] = f
		order = append(order, name)
		return f
	}
	labelSets := map[string]map[string]bool{}
	for {
		entry, err := parser.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, []string{fmt.Sprintf("%s: %v", file, err)}
		}
		switch entry {
		case textparse.EntryType:
			name, kind := parser.Type()
			current = family(string(name))
			current.Type = string(kind)
		case textparse.EntryHelp:
			name, _ := parser.Help()
			current = family(string(name))
		case textparse.EntrySeries, textparse.EntryHistogram:
			var series labels.Labels
			parser.Labels(&series)
			metric := series.Get(model.MetricNameLabel)
			owner := current
			if owner == nil || !belongs(metric, owner) {
				owner = family(metric)
			}
			owner.Samples++
			if owner.Type == "counter" || owner.Type == "gauge" {
				_, _, value := parser.Series()
				owner.Series = append(owner.Series, Sample{Labels: series.Map(), Value: value})
			}
			set := labelSets[owner.Name]
			if set == nil {
				set = map[string]bool{}
				labelSets[owner.Name] = set
			}
			series.Range(func(l labels.Label) {
				if l.Name != model.MetricNameLabel && l.Name != model.BucketLabel && l.Name != model.QuantileLabel {
					set[l.Name] = true
				}
			})
		}
	}
	families := make([]Family, 0, len(order))
	for _, name := range order {
		f := byName[name]
		f.Labels = sortedKeys(labelSets[name])
		families = append(families, *f)
	}
	return families, nil
}

// belongs tells whether a sample name is one of the family's series (name, name_total, name_bucket, ...).
func belongs(metric string, f *Family) bool {
	if metric == f.Name {
		return true
	}
	for _, suffix := range []string{"_total", "_created", "_bucket", "_count", "_sum", "_info", "_gcount", "_gsum"} {
		if metric == f.Name+suffix {
			return true
		}
	}
	return false
}

func expfmtFamilies(file string, body []byte) (map[string]Family, []string) {
	parser := expfmt.NewTextParser(model.UTF8Validation)
	parsed, err := parser.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: expfmt: %v", file, err)}
	}
	families := map[string]Family{}
	for name, mf := range parsed {
		set := map[string]bool{}
		for _, m := range mf.GetMetric() {
			for _, pair := range m.GetLabel() {
				set[pair.GetName()] = true
			}
		}
		families[name] = Family{Name: name, Type: strings.ToLower(mf.GetType().String()), Labels: sortedKeys(set),
			Samples: len(mf.GetMetric())}
	}
	return families, nil
}

// compare reports a family that the two text parsers read differently.
func compare(file string, scrapeLoop []Family, fromExpfmt map[string]Family) []string {
	if fromExpfmt == nil {
		return nil
	}
	var problems []string
	for _, f := range scrapeLoop {
		other, ok := fromExpfmt[f.Name]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: family %s: read by textparse, not by expfmt", file, f.Name))
			continue
		}
		if other.Type != f.Type || strings.Join(other.Labels, ",") != strings.Join(f.Labels, ",") {
			problems = append(problems, fmt.Sprintf("%s: family %s: textparse reads %s %v, expfmt %s %v",
				file, f.Name, f.Type, f.Labels, other.Type, other.Labels))
		}
	}
	if len(fromExpfmt) != len(scrapeLoop) {
		problems = append(problems, fmt.Sprintf("%s: expfmt reads %d families, textparse %d", file,
			len(fromExpfmt), len(scrapeLoop)))
	}
	return problems
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
