-- tries: make the host's own lookup of hook names loop forever (outside any budget reset)
function ending(id)
  error("reached ending") -- @error
end
setmetatable(_G, {__index = function(t, k) while true do end end})
