// Command parsefloor reads and parses every Terraform file under a directory
// with hclparse and nothing else, so that the cost of a scan can be compared
// with the least a scanner must do:
//
//	/usr/bin/time -f "%e s %M KB" parsefloor DIR
package main

import (
	"fmt"
	"os"

	"github.com/onus-sec/onus/internal/gencorpus"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor DIR")
		os.Exit(2)
	}
	files, size, bad, err := gencorpus.ParseFloor(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes parsed (parse errors: %v)\n", files, size, bad)
}
