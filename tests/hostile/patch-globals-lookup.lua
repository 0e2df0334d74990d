-- tries: make the host's own lookup of hook names run script code that fails, outside any protection
function on_action(id)
  error("reached on_action") -- @error
end
setmetatable(_G, {__index = function(t, k) error("looked up " .. k) end})
