// Command gencorpus writes a synthetic Terraform tree for benchmarks:
//
//	go run ./internal/gencorpus/cmd/gencorpus -seed 1 -resources 10000 -out /tmp/corpus
//
// The same seed and size always give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/onus-sec/onus/internal/gencorpus"
)

func main() {
	seed := flag.Uint64("seed", 1, "random `SEED` selecting the corpus")
	resources := flag.Int("resources", 1000, "number of resource blocks to write")
	out := flag.String("out", "", "empty or absent `DIR` to write the tree into")
	perFile := flag.Int("per-file", 20, "resource blocks per file")
	filesPerModule := flag.Int("files-per-module", 5, "resource files per child module")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -seed N -resources N -out DIR")
		os.Exit(2)
	}
	st, err := gencorpus.Generate(*out, gencorpus.Options{Seed: *seed, Resources: *resources, PerFile: *perFile, FilesPerModule: *filesPerModule})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d files, %d bytes, %d modules, %d resources, %d data sources, %d units (%d misconfigured)\n",
		*out, st.Files, st.Bytes, st.Modules, st.Resources, st.DataSources, st.Units, st.BadUnits)
}
