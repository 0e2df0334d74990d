-- tries: package.loadlib to load libc's system() as a Lua function
local f = package.loadlib("libc.so.6", "system") -- @error
f("touch PWNED")
