package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/cli-utils/pkg/kstatus/polling/statusreaders"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
	"sigs.k8s.io/cli-utils/pkg/object"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// identity names an object the API server answered 404 for.
type identity struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Namespace  string `json:"namespace"`
	Name       string `json:"name"`
}

// statusOf reads one input value: an object, or {"notFound": identity}.
func statusOf(value json.RawMessage) (answer, error) {
	if !bytes.HasPrefix(bytes.TrimSpace(value), []byte("{")) {
		return answer{}, fmt.Errorf("not a JSON object: expected a Kubernetes object or {\"notFound\": {...}}, got %s",
			abbreviate(value))
	}
	var wrapper struct {
		NotFound *identity `json:"notFound"`
	}
	if err := json.Unmarshal(value, &wrapper); err != nil {
		return answer{}, fmt.Errorf("notFound: %v", err)
	}
	if wrapper.NotFound != nil {
		return statusOfMissing(*wrapper.NotFound)
	}
	var head struct {
		APIVersion any `json:"apiVersion"`
		Kind       any `json:"kind"`
		Metadata   struct {
			Name any `json:"name"`
		} `json:"metadata"`
	}
	_ = json.Unmarshal(value, &head) // a field of the wrong type stays nil and is reported below
	for _, field := range []struct {
		path  string
		value any
	}{{"apiVersion", head.APIVersion}, {"kind", head.Kind}, {"metadata.name", head.Metadata.Name}} {
		if text, ok := field.value.(string); !ok || text == "" {
			return answer{}, fmt.Errorf("not a Kubernetes object: %s is missing or not a string", field.path)
		}
	}
	u := &unstructured.Unstructured{}
	if err := u.UnmarshalJSON(value); err != nil {
		return answer{}, fmt.Errorf("not a Kubernetes object: %s", oneLine(err.Error()))
	}
	return read(u.GroupVersionKind(), u.GetNamespace(), u.GetName(), u)
}

func statusOfMissing(id identity) (answer, error) {
	for _, field := range [][2]string{{"apiVersion", id.APIVersion}, {"kind", id.Kind}, {"name", id.Name}} {
		if field[1] == "" {
			return answer{}, fmt.Errorf("notFound.%s is missing", field[0])
		}
	}
	gv, err := schema.ParseGroupVersion(id.APIVersion)
	if err != nil {
		return answer{}, fmt.Errorf("notFound.apiVersion: %v", err)
	}
	return read(gv.WithKind(id.Kind), id.Namespace, id.Name, nil)
}

// read asks the poller's generic status reader for the object's status, as kpt and Flux's health
// checks do, with a cluster reader that answers from the given object (nil: 404 Not Found).
func read(gvk schema.GroupVersionKind, namespace, name string, found *unstructured.Unstructured) (answer, error) {
	mapper := meta.NewDefaultRESTMapper([]schema.GroupVersion{gvk.GroupVersion()})
	scope := meta.RESTScopeRoot
	if namespace != "" {
		scope = meta.RESTScopeNamespace
	}
	mapper.Add(gvk, scope)
	var computed *status.Result
	compute := func(u *unstructured.Unstructured) (*status.Result, error) {
		result, err := status.Compute(u)
		computed = result
		return result, err
	}
	reader := statusreaders.NewGenericStatusReader(mapper, compute)
	id := object.ObjMetadata{GroupKind: gvk.GroupKind(), Namespace: namespace, Name: name}
	resourceStatus, err := reader.ReadStatus(context.Background(), answeringReader{object: found}, id)
	if err != nil {
		return answer{}, err
	}
	out := answer{Status: resourceStatus.Status.String(), Message: resourceStatus.Message}
	if resourceStatus.Error != nil {
		out.Message = oneLine(resourceStatus.Error.Error())
	}
	if computed != nil && len(computed.Conditions) > 0 {
		out.Reason = computed.Conditions[0].Reason
	}
	return out, nil
}

// answeringReader is the poller's view of the cluster: the one object of the input line, or 404.
type answeringReader struct {
	object *unstructured.Unstructured
}

func (r answeringReader) Get(_ context.Context, key client.ObjectKey, obj *unstructured.Unstructured) error {
	if r.object == nil {
		gvk := obj.GroupVersionKind()
		return apierrors.NewNotFound(schema.GroupResource{Group: gvk.Group, Resource: strings.ToLower(gvk.Kind)}, key.Name)
	}
	obj.Object = r.object.DeepCopy().Object
	return nil
}

func (r answeringReader) ListNamespaceScoped(context.Context, *unstructured.UnstructuredList, string, labels.Selector) error {
	return nil // the generic reader reads no generated resources
}

func (r answeringReader) ListClusterScoped(context.Context, *unstructured.UnstructuredList, labels.Selector) error {
	return nil
}

func (r answeringReader) Sync(context.Context) error {
	return nil
}

func oneLine(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

func abbreviate(value []byte) string {
	text := oneLine(string(value))
	if len(text) > 60 {
		return text[:57] + "..."
	}
	return text
}
