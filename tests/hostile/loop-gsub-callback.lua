-- tries: loop inside a string.gsub replacement function (called from C)
function on_action(id)
  return (("x"):rep(100):gsub(".", function(c) while true do end end)) -- @error
end
