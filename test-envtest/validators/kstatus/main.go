// Command kstatus computes the kstatus status of Kubernetes objects with the real library,
// sigs.k8s.io/cli-utils/pkg/kstatus (the version pinned in go.mod), the way kpt, Flux and other
// kstatus-based health checks read them: each object goes through the poller's generic status
// reader (statusreaders.NewGenericStatusReader with status.Compute), as if it had been read from
// the API server.
//
// Usage: kstatus [-name stdin] [file|-]
//
// Input: a stream of JSON values (one per line, or pretty-printed as kubectl get -o json prints
// them), each either
//   - a Kubernetes object as the API server returns it (apiVersion, kind, metadata, status), or
//   - {"notFound": {"apiVersion": "...", "kind": "...", "namespace": "...", "name": "..."}}: the
//     object was looked up and the API server answered 404 (it is gone). The poller's reader gets a
//     NotFound error from its Get and the library reports NotFound, "Resource not found".
//
// Output: one JSON line on stdout per input value, in order:
//
//	{"status":"Current|InProgress|Failed|Terminating|NotFound|Unknown","message":"...","reason":"..."}
//
// A List (kind ending in "List" with items, as kubectl get -o json prints several objects) is
// answered item by item.
//
// reason is that of the condition kstatus computed (Reconciling or Stalled, e.g.
// LatestGenerationNotObserved, or the object's own Stalled reason), empty when there is none.
// A value that is not a Kubernetes object gives {"error":"<name>:<line>: ..."} instead, and the
// same line on stderr; the exit status is then 1 (2 for a usage error or unreadable input).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// answer is one output line.
type answer struct {
	Status  string `json:"status,omitempty"`
	Message string `json:"message,omitempty"`
	Reason  string `json:"reason,omitempty"`
	Error   string `json:"error,omitempty"`
}

func main() {
	name := flag.String("name", "stdin", "the name input problems are reported under")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [-name stdin] [objects.json | -]\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	in, err := open(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "kstatus: cannot read %s: %v\n", flag.Arg(0), err)
		os.Exit(2)
	}
	if flag.NArg() == 1 && flag.Arg(0) != "-" && *name == "stdin" {
		*name = flag.Arg(0)
	}
	os.Exit(run(in, os.Stdout, os.Stderr, *name))
}

func open(arg string) (io.Reader, error) {
	if arg == "" || arg == "-" {
		return os.Stdin, nil
	}
	return os.Open(arg)
}

// run answers every JSON value of in with one line on out; the exit status.
func run(in io.Reader, out, problems io.Writer, name string) int {
	var seen bytes.Buffer
	decoder := json.NewDecoder(io.TeeReader(in, &seen))
	encoder := json.NewEncoder(out)
	exit := 0
	for {
		var value json.RawMessage
		err := decoder.Decode(&value)
		if errors.Is(err, io.EOF) {
			return exit
		}
		if err != nil {
			fmt.Fprintf(problems, "%s:%d: not JSON: %v\n", name, lineAt(seen.Bytes(), decoder.InputOffset()), err)
			return 2
		}
		line := lineAt(seen.Bytes(), decoder.InputOffset()-int64(len(value)))
		items, isList := itemsOf(value)
		for index, item := range items {
			result, err := statusOf(item)
			if err != nil {
				message := fmt.Sprintf("%s:%d: %v", name, line, err)
				if isList {
					message = fmt.Sprintf("%s:%d: items[%d]: %v", name, line, index, err)
				}
				fmt.Fprintln(problems, message)
				result, exit = answer{Error: message}, 1
			}
			if err := encoder.Encode(result); err != nil {
				fmt.Fprintf(problems, "kstatus: cannot write the answer: %v\n", err)
				return 2
			}
		}
	}
}

// lineAt is the 1-based line of the byte at offset.
func lineAt(text []byte, offset int64) int {
	if offset > int64(len(text)) {
		offset = int64(len(text))
	}
	return 1 + bytes.Count(text[:offset], []byte{'\n'})
}

// itemsOf is the items of a List (kind "List" or "<Kind>List" with an items array), else the value itself.
func itemsOf(value json.RawMessage) ([]json.RawMessage, bool) {
	var list struct {
		Kind  string            `json:"kind"`
		Items []json.RawMessage `json:"items"`
	}
	if json.Unmarshal(value, &list) != nil || !strings.HasSuffix(list.Kind, "List") || list.Items == nil {
		return []json.RawMessage{value}, false
	}
	return list.Items, true
}
