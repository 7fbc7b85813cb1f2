package compare

import (
	"encoding/json"
	"fmt"
	"math"
)

// logistic is a fitted logistic regression over named inputs, as the
// models' data files hold it (the band, omission and pair models): the inputs are standardized by Mean and Scale, weighed,
// and the model says yes when the probability reaches Cut. Provenance says
// how it was fitted and with what held-out figures.
type logistic struct {
	Provenance string    `json:"provenance"`
	Features   []string  `json:"features"`
	Mean       []float64 `json:"mean"`
	Scale      []float64 `json:"scale"`
	Weights    []float64 `json:"weights"`
	Bias       float64   `json:"bias"`
	Cut        float64   `json:"cut"`
}

// parseLogistic reads a model's data file and refuses one whose inputs
// are not names, in order, or that holds a number that is not finite (a
// NaN weight would make every probability NaN).
func parseLogistic(b []byte, names []string) (*logistic, error) {
	var m logistic
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if err := m.check(names); err != nil {
		return nil, err
	}
	return &m, nil
}

// check refuses a model whose inputs are not names, in order, or that
// holds a number that is not finite.
func (m *logistic) check(names []string) error {
	n := len(names)
	if len(m.Features) != n || len(m.Mean) != n || len(m.Scale) != n || len(m.Weights) != n {
		return fmt.Errorf("want %d features, means, scales and weights", n)
	}
	for i, f := range m.Features {
		if f != names[i] {
			return fmt.Errorf("feature %d is %q, want %q", i, f, names[i])
		}
		if !(m.Scale[i] > 0) || math.IsInf(m.Scale[i], 0) {
			return fmt.Errorf("feature %q has scale %v", f, m.Scale[i])
		}
		if !finite(m.Mean[i]) || !finite(m.Weights[i]) {
			return fmt.Errorf("feature %q has mean %v, weight %v", f, m.Mean[i], m.Weights[i])
		}
	}
	if !finite(m.Bias) || !finite(m.Cut) {
		return fmt.Errorf("bias %v, cut %v", m.Bias, m.Cut)
	}
	return nil
}

// prob is the model's probability for inputs x.
func (m *logistic) prob(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
	}
	return 1 / (1 + math.Exp(-z))
}
