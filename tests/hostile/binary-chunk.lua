-- tries: a script.lua that is a binary chunk (@binary: the runner puts ESC "Lua" in front) -- @error
return 1
