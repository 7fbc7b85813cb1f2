package compare

import "io"

func (r *Report) WriteMarkdown(w io.Writer) error { return r.WriteText(w) }
func (r *Report) WriteHTML(w io.Writer) error     { return r.WriteText(w) }
