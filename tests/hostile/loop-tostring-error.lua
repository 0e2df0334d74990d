-- tries: an error value whose __tostring loops forever (the handler must not call it)
function on_action(id)
  error(setmetatable({}, {__tostring = function() while true do end end})) -- @error
end
