// Package schematest validates JSON against the repository's schemas in
// tests, with github.com/santhosh-tekuri/jsonschema (draft 2020-12). Only
// tests import it, so the library itself does not depend on the validator.
package schematest

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/claimdiff/claimdiff/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Names of what can be validated.
const (
	Report     = schema.ReportID
	CorpusLine = schema.ReportID + "#/$defs/corpusLine"
	Document   = schema.ReportID + "#/$defs/document"
	Summary    = schema.SummaryID
)

var (
	once     sync.Once
	compiled map[string]*jsonschema.Schema
	compErr  error
)

func load() {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for id, data := range map[string][]byte{schema.ReportID: schema.Report, schema.SummaryID: schema.Summary} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			compErr = fmt.Errorf("%s: %w", id, err)
			return
		}
		if err := c.AddResource(id, doc); err != nil {
			compErr = err
			return
		}
	}
	compiled = map[string]*jsonschema.Schema{}
	for _, name := range []string{Report, CorpusLine, Document, Summary} {
		s, err := c.Compile(name)
		if err != nil {
			compErr = fmt.Errorf("%s: %w", name, err)
			return
		}
		compiled[name] = s
	}
}

// Validate checks one JSON document against the named schema and returns
// every violation, or nil.
func Validate(name string, data []byte) error {
	once.Do(load)
	if compErr != nil {
		return compErr
	}
	s, ok := compiled[name]
	if !ok {
		return fmt.Errorf("no schema %q", name)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// Check fails the test when data does not satisfy the named schema; what
// names the data in the message.
func Check(t testing.TB, name, what string, data []byte) {
	t.Helper()
	if err := Validate(name, data); err != nil {
		t.Errorf("%s does not satisfy %s:\n%v", what, name, err)
	}
}

// CheckLines validates every non-blank line of JSON lines.
func CheckLines(t testing.TB, name, what string, data []byte) {
	t.Helper()
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if err := Validate(name, []byte(l)); err != nil {
			t.Errorf("%s line %d does not satisfy %s:\n%v", what, i+1, name, err)
		}
	}
}
