-- tries: gsub callbacks that call gsub again, deeper and deeper
local function g(s) return (s:gsub(".", g)) end -- @error
function on_action(id) return g("ab") end
