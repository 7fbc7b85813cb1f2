package claimdiff_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff"
	"github.com/claimdiff/claimdiff/extract"
)

func TestCompareFilesErrors(t *testing.T) {
	if r, err := claimdiff.CompareFiles(); !errors.Is(err, claimdiff.ErrNoFiles) || r != nil {
		t.Errorf("no paths: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "ls")
	os.WriteFile(bin, []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), 0o755)
	if _, err := claimdiff.CompareFiles(bin); !errors.Is(err, extract.ErrNotText) || !strings.Contains(err.Error(), bin) {
		t.Errorf("binary file: %v", err)
	}
}
