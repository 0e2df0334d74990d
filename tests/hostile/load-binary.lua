-- tries: load(string.dump(f)) a binary chunk built in the sandbox
local function f() return 1 end
local code = string.dump(f) -- @error
local g = load(code, "x", "b")
