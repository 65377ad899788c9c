// Command kustomize-driver runs kustomize v5.5's own code for many fuzz cases in one process:
// per JSON line on stdin {"kustomization", "args", "ours"} it runs `kustomize edit set image
// <args>` on the kustomization (in memory, through kustomize's cobra command) and decodes "ours"
// with kustomize's Kustomization reader, printing one JSON line {"theirs" | "theirsError",
// "oursImages" | "oursError"}. It exists only to make the differential fuzz fast: a process per
// case costs more than the case.
package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"

	"sigs.k8s.io/kustomize/api/kv"
	ldrhelper "sigs.k8s.io/kustomize/api/pkg/loader"
	"sigs.k8s.io/kustomize/api/provider"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kustomize/v5/commands/edit/set"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

type request struct {
	Kustomization string   `json:"kustomization"`
	Args          []string `json:"args"`
	Ours          *string  `json:"ours"`
}

type response struct {
	Theirs      *string       `json:"theirs,omitempty"`
	TheirsError string        `json:"theirsError,omitempty"`
	OursImages  []types.Image `json:"oursImages"`
	OursError   string        `json:"oursError,omitempty"`
}

func main() {
	pvd := provider.NewDefaultDepProvider()
	in := bufio.NewReader(os.Stdin)
	out := json.NewEncoder(os.Stdout)
	dec := json.NewDecoder(in)
	for {
		var req request
		if err := dec.Decode(&req); err == io.EOF {
			return
		} else if err != nil {
			panic(err)
		}
		var res response
		fSys := filesys.MakeFsInMemory()
		if err := fSys.WriteFile("kustomization.yaml", []byte(req.Kustomization)); err != nil {
			panic(err)
		}
		cmd := set.NewCmdSet(fSys, kv.NewLoader(ldrhelper.NewFileLoaderAtCwd(fSys), pvd.GetFieldValidator()), pvd.GetFieldValidator(), pvd.GetResourceFactory())
		cmd.SetArgs(append([]string{"image"}, req.Args...))
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		cmd.SilenceUsage = true
		if err := cmd.Execute(); err != nil {
			res.TheirsError = err.Error()
		} else {
			data, err := fSys.ReadFile("kustomization.yaml")
			if err != nil {
				panic(err)
			}
			s := string(data)
			res.Theirs = &s
		}
		if req.Ours != nil {
			var k types.Kustomization
			if err := k.Unmarshal([]byte(*req.Ours)); err != nil {
				res.OursError = err.Error()
			} else {
				res.OursImages = k.Images
			}
		}
		if err := out.Encode(res); err != nil {
			panic(err)
		}
	}
}
