// Command envoy-bootstrap-validator checks an Envoy bootstrap (the sidecar's envoy.yaml) with
// Envoy's own API, the way Envoy checks it at load: the YAML is converted to JSON and decoded
// into envoy.config.bootstrap.v3.Bootstrap with protojson (unknown fields and unknown Any types
// are errors), the protoc-gen-validate rules run on the bootstrap and on every Any payload
// (typed_config, typed_extension_protocol_options, ...), and the cross-references Envoy resolves
// at start-up are checked: route clusters exist, the router filter is last in every HTTP
// connection manager, and the ext_proc gRPC cluster exists and speaks HTTP/2.
//
// Usage: envoy-bootstrap-validator [-name envoy.yaml] <file|->
//
// Prints a JSON summary on stdout ({"listenerPorts":[8801],"listeners":[...],"clusters":[...]});
// each problem is one line on stderr, "<name>: <path>: <message>", and the exit status is 1 when
// there is any (2 for a usage error). Deprecated fields are reported as "warning:" lines only,
// as Envoy itself only warns about them, unless they are disallowed by default.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	bootstrapv3 "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"sigs.k8s.io/yaml"

	// Extension types the operator's bootstraps name in "@type"; importing a package registers its
	// messages so that Any fields resolve. A type missing here is reported as "unknown type".
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/access_loggers/file/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/access_loggers/stream/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/clusters/dynamic_forward_proxy/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/common/dynamic_forward_proxy/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/dynamic_forward_proxy/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/header_mutation/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/health_check/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/lua/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/raw_buffer/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
)

// report collects problems and warnings, each with the path of the field it is about.
type report struct {
	name     string
	problems []string
	warnings []string
}

func (r *report) problem(path, format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf("%s: %s: %s", r.name, orRoot(path), fmt.Sprintf(format, args...)))
}

func (r *report) warning(path, format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf("warning: %s: %s: %s", r.name, orRoot(path), fmt.Sprintf(format, args...)))
}

// summary is what Java compares with the rendered objects (the listener port with the Service).
type summary struct {
	ListenerPorts []uint32 `json:"listenerPorts"`
	Listeners     []string `json:"listeners"`
	Clusters      []string `json:"clusters"`
	Problems      int      `json:"problems"`
}

func main() {
	name := flag.String("name", "envoy.yaml", "the name problems are reported under")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [-name envoy.yaml] <bootstrap.yaml | ->\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	text, err := read(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot read %s: %v\n", *name, flag.Arg(0), err)
		os.Exit(2)
	}
	r := &report{name: *name}
	bootstrap := decode(text, r)
	out := summary{ListenerPorts: []uint32{}, Listeners: []string{}, Clusters: []string{}}
	if bootstrap != nil {
		validate(bootstrap, r)
		out = crossReferences(bootstrap, r)
	}
	out.Problems = len(r.problems)
	for _, line := range append(r.warnings, r.problems...) {
		fmt.Fprintln(os.Stderr, line)
	}
	encoded, _ := json.Marshal(out)
	fmt.Println(string(encoded))
	if len(r.problems) > 0 {
		os.Exit(1)
	}
}

func read(arg string) ([]byte, error) {
	if arg == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(arg)
}

// decode turns the YAML into a Bootstrap like Envoy's loader: strict fields, resolvable Any types.
func decode(text []byte, r *report) *bootstrapv3.Bootstrap {
	asJSON, err := yaml.YAMLToJSON(text)
	if err != nil {
		r.problem("", "not valid YAML: %v", err)
		return nil
	}
	var generic any
	if err := json.Unmarshal(asJSON, &generic); err != nil || generic == nil {
		r.problem("", "the document is empty or not a mapping")
		return nil
	}
	bootstrap := &bootstrapv3.Bootstrap{}
	if unknownNames(generic, bootstrap.ProtoReflect().Descriptor(), "", r) > 0 {
		return nil
	}
	if err := (protojson.UnmarshalOptions{DiscardUnknown: false}).Unmarshal(asJSON, bootstrap); err != nil {
		path, message := locate(asJSON, err)
		r.problem(path, "not a valid envoy.config.bootstrap.v3.Bootstrap: %s", message)
		return nil
	}
	return bootstrap
}

// locate turns protojson's "(line 1:117): unknown field" position in the converted JSON into the
// field path of the YAML.
func locate(asJSON []byte, err error) (string, string) {
	message := oneLine(err.Error())
	match := jsonPosition.FindStringSubmatchIndex(message)
	if match == nil {
		return "", message
	}
	line, _ := strconv.Atoi(message[match[2]:match[3]])
	column, _ := strconv.Atoi(message[match[4]:match[5]])
	offset := 0
	for i := 1; i < line; i++ {
		offset += bytes.IndexByte(asJSON[offset:], '\n') + 1
	}
	return pathAt(asJSON, offset+column-1), strings.TrimSpace(message[match[1]:])
}

var jsonPosition = regexp.MustCompile(`^(?:proto: )?\(line (\d+):(\d+)\):`)

// pathAt is the field path of the JSON token that spans offset.
func pathAt(doc []byte, offset int) string {
	type frame struct {
		object    bool
		key       string
		index     int
		expectKey bool
	}
	var stack []*frame
	path := func() string {
		var out strings.Builder
		for _, f := range stack {
			switch {
			case f.object && f.key != "":
				if out.Len() > 0 {
					out.WriteByte('.')
				}
				out.WriteString(f.key)
			case !f.object && f.index >= 0:
				fmt.Fprintf(&out, "[%d]", f.index)
			}
		}
		return out.String()
	}
	decoder := json.NewDecoder(bytes.NewReader(doc))
	for {
		token, err := decoder.Token()
		if err != nil {
			return path()
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		delim, isDelim := token.(json.Delim)
		switch {
		case isDelim && (delim == '}' || delim == ']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].expectKey = true
			}
		case top != nil && top.object && top.expectKey:
			top.key, top.expectKey = token.(string), false
		default:
			if top != nil && !top.object {
				top.index++
			}
			if isDelim {
				stack = append(stack, &frame{object: delim == '{', index: -1, expectKey: delim == '{'})
			} else if top != nil && top.object {
				top.expectKey = true
			}
		}
		if decoder.InputOffset() > int64(offset) {
			return path()
		}
	}
}

// unknownNames reports every field and "@type" that Envoy's API does not know, each with its path,
// before protojson would stop at the first one without a path.
func unknownNames(node any, message protoreflect.MessageDescriptor, path string, r *report) int {
	object, ok := node.(map[string]any)
	if !ok {
		return 0
	}
	if message.FullName() == "google.protobuf.Any" {
		url, _ := object["@type"].(string)
		resolved, err := protoregistry.GlobalTypes.FindMessageByURL(url)
		if err != nil {
			r.problem(path, "unknown type %q (not an Envoy v1.35 type, or its package is not imported by the validator)", url)
			return 1
		}
		message = resolved.Descriptor()
	}
	if strings.HasPrefix(string(message.FullName()), "google.protobuf.") {
		return 0 // well-known types have their own JSON forms; protojson checks them
	}
	count := 0
	for _, key := range sortedKeys(object) {
		if key == "@type" {
			continue
		}
		field := message.Fields().ByJSONName(key)
		if field == nil {
			field = message.Fields().ByTextName(key)
		}
		fieldPath := join(path, key)
		if field == nil {
			r.problem(fieldPath, "unknown field %q in %s", key, message.FullName())
			count++
			continue
		}
		count += unknownNamesInField(object[key], field, fieldPath, r)
	}
	return count
}

func unknownNamesInField(value any, field protoreflect.FieldDescriptor, path string, r *report) int {
	count := 0
	switch {
	case field.IsMap():
		if entries, ok := value.(map[string]any); ok && field.MapValue().Message() != nil {
			for _, key := range sortedKeys(entries) {
				count += unknownNames(entries[key], field.MapValue().Message(), fmt.Sprintf("%s[%s]", path, key), r)
			}
		}
	case field.IsList():
		if items, ok := value.([]any); ok && field.Message() != nil {
			for i, item := range items {
				count += unknownNames(item, field.Message(), fmt.Sprintf("%s[%d]", path, i), r)
			}
		}
	case field.Message() != nil:
		count += unknownNames(value, field.Message(), path, r)
	}
	return count
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func orRoot(path string) string {
	if path == "" {
		return "(document)"
	}
	return path
}

func oneLine(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

func sortedKeys(value map[string]any) []string {
	keys := make([]string, 0, len(value))
	for key := range value {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}
