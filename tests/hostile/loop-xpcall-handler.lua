-- tries: loop forever inside an xpcall message handler
function on_action(id)
  xpcall(function() error("first") end, function(m) while true do end end) -- @error
end -- @error
