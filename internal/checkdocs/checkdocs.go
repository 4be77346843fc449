// Package checkdocs holds what onus says about each check beyond its
// metadata — why it matters, and a bad and a good example taken from the
// check's fixtures — compiled into the binary, so that `onus explain` works
// anywhere, not only inside the repository.
//
// The data is generated from the doc comments of checks/*.go and from
// testdata/checks/<id>/ by ./gen, which also writes docs/checks.md; a test
// there fails when either is stale. Regenerate with:
//
//	go generate ./internal/checkdocs
package checkdocs

//go:generate go run ./gen -root ../..

// Entry is the documentation of one check.
type Entry struct {
	// Why is the doc comment of the check's variable, in Go doc comment
	// syntax, with the variable's name replaced by "This check".
	Why string
	// Bad and Good are Terraform configurations from the check's fixtures,
	// with the fixture's expectation comments turned into markers; BadFrom
	// and GoodFrom name the fixture directories.
	Bad, BadFrom   string
	Good, GoodFrom string
}

// Lookup returns the documentation of the check with the given ID.
func Lookup(id string) (Entry, bool) {
	e, ok := entries[id]
	return e, ok
}
