// The wazero runner: the runner protocol (fuzz/runners/README.md) over wazero's Go API.
// One JSON request per line on stdin, one JSON response per line on stdout.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	s := newSession()
	defer s.close()
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 1 {
			writeResponse(out, s.handle(line))
		}
		if err != nil {
			return
		}
	}
}

// writeResponse writes one response line and flushes it: the adapter waits for it.
func writeResponse(out *bufio.Writer, response map[string]interface{}) {
	encoded, err := json.Marshal(response)
	if err != nil {
		encoded = []byte(fmt.Sprintf(`{"id":%v,"result":"error","message":%q}`, response["id"], err.Error()))
	}
	out.Write(encoded)
	out.WriteByte('\n')
	out.Flush()
}
