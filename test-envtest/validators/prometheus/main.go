// Command prometheus-validator judges the operator's metrics and monitoring with Prometheus' own code:
//
//	prometheus-validator scrape -content-type CT FILE   a /metrics body, parsed as Prometheus scrapes it
//	prometheus-validator rules FILE                     a PrometheusRule (its spec.groups), as Prometheus loads rules
//	prometheus-validator queries FILE                   a Grafana dashboard JSON: every panel target's PromQL
//
// Each prints a JSON summary on stdout (families with type and label names; per rule or panel the
// metric names its expression selects). Problems go to stderr, one a line as "FILE: where: message",
// and make the exit code 1; 2 is a usage error.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var (
		out      any
		problems []string
	)
	switch os.Args[1] {
	case "scrape":
		flags := flag.NewFlagSet("scrape", flag.ExitOnError)
		contentType := flags.String("content-type", "text/plain; version=0.0.4", "the response's Content-Type")
		_ = flags.Parse(os.Args[2:])
		file := onlyFile(flags.Args())
		out, problems = scrape(file, read(file), *contentType)
	case "rules":
		file := onlyFile(os.Args[2:])
		out, problems = rules(file, read(file))
	case "queries":
		file := onlyFile(os.Args[2:])
		out, problems = queries(file, read(file))
	default:
		usage()
	}
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, p)
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "cannot write the summary:", err)
		os.Exit(2)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: prometheus-validator scrape [-content-type CT] FILE | rules FILE | queries FILE")
	os.Exit(2)
}

func onlyFile(args []string) string {
	if len(args) != 1 {
		usage()
	}
	return args[0]
}

func read(file string) []byte {
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot read: %v\n", file, err)
		os.Exit(2)
	}
	return data
}
