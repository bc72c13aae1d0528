package main

// protoc-gen-validate rules of the bootstrap and of every Any payload inside it, and deprecations.

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/envoyproxy/go-control-plane/envoy/annotations"
	bootstrapv3 "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/known/anypb"
)

// validate runs the protoc-gen-validate rules on the bootstrap and on every Any payload inside it
// (ValidateAll does not look into Any), and flags deprecated fields.
func validate(bootstrap *bootstrapv3.Bootstrap, r *report) {
	validateMessage(bootstrap, "", r)
	walk(bootstrap.ProtoReflect(), "", r)
}

func validateMessage(message proto.Message, path string, r *report) {
	validator, ok := message.(interface{ ValidateAll() error })
	if !ok {
		return
	}
	if err := validator.ValidateAll(); err != nil {
		flatten(err, path, r)
	}
}

func walk(message protoreflect.Message, path string, r *report) {
	message.Range(func(field protoreflect.FieldDescriptor, value protoreflect.Value) bool {
		fieldPath := join(path, string(field.Name()))
		deprecation(field, fieldPath, r)
		switch {
		case field.IsMap():
			if field.MapValue().Message() != nil {
				value.Map().Range(func(key protoreflect.MapKey, item protoreflect.Value) bool {
					walkValue(item.Message(), fmt.Sprintf("%s[%s]", fieldPath, key.String()), r)
					return true
				})
			}
		case field.IsList():
			if field.Message() != nil {
				list := value.List()
				for i := 0; i < list.Len(); i++ {
					walkValue(list.Get(i).Message(), fmt.Sprintf("%s[%d]", fieldPath, i), r)
				}
			}
		case field.Message() != nil:
			walkValue(value.Message(), fieldPath, r)
		}
		return true
	})
}

// walkValue descends into a message; an Any is unpacked, validated and walked as its payload.
func walkValue(message protoreflect.Message, path string, r *report) {
	packed, ok := message.Interface().(*anypb.Any)
	if !ok {
		walk(message, path, r)
		return
	}
	payload, err := packed.UnmarshalNew()
	if err != nil {
		r.problem(path, "cannot unpack %s: %v", packed.GetTypeUrl(), err)
		return
	}
	validateMessage(payload, path, r)
	walk(payload.ProtoReflect(), path, r)
}

func deprecation(field protoreflect.FieldDescriptor, path string, r *report) {
	options, ok := field.Options().(*descriptorpb.FieldOptions)
	if !ok || !options.GetDeprecated() {
		return
	}
	if proto.GetExtension(options, annotations.E_DisallowedByDefault).(bool) {
		r.problem(path, "deprecated field %s is disallowed by default in Envoy", field.FullName())
		return
	}
	r.warning(path, "deprecated field %s", field.FullName())
}

// flatten turns a protoc-gen-validate error tree into one problem per violated rule.
func flatten(err error, path string, r *report) {
	type multi interface{ AllErrors() []error }
	type violation interface {
		Field() string
		Reason() string
		Cause() error
		Key() bool
	}
	switch e := err.(type) {
	case multi:
		for _, each := range e.AllErrors() {
			flatten(each, path, r)
		}
	case violation:
		fieldPath := join(path, goFieldToProto(e.Field()))
		if e.Key() {
			fieldPath += " (map key)"
		}
		if e.Cause() != nil && strings.HasPrefix(e.Reason(), "embedded message failed validation") {
			flatten(e.Cause(), fieldPath, r)
			return
		}
		message := e.Reason()
		if e.Cause() != nil {
			message += ": " + oneLine(e.Cause().Error())
		}
		r.problem(fieldPath, "%s", message)
	default:
		r.problem(path, "%s", oneLine(err.Error()))
	}
}

// goFieldToProto turns a validation error's Go field name ("StaticResources", "Listeners[0]")
// into the proto name used in the YAML ("static_resources", "listeners[0]").
func goFieldToProto(field string) string {
	head, rest := field, ""
	if i := strings.IndexByte(field, '['); i >= 0 {
		head, rest = field[:i], field[i:]
	}
	var out strings.Builder
	runes := []rune(head)
	for i, c := range runes {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(runes[i-1]) || unicode.IsDigit(runes[i-1])) {
				out.WriteByte('_')
			}
			out.WriteRune(unicode.ToLower(c))
		} else {
			out.WriteRune(c)
		}
	}
	return out.String() + rest
}
