#!/usr/bin/env node
// The `railbook` command (package.json "bin"): runs cli/main.ts through tsx, so there is no
// build step; tsx is a runtime dependency of RailBook anyway (npm start runs on it).
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
