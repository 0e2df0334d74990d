-- tries: replace string.rep and string.upper so that a later attempt or scenario sees the patch
if string.pwned then error("leaked from an earlier attempt") end -- @leak
string.pwned = true
string.rep = function() return "pwned" end
string.upper = function() return "pwned" end
function on_action(id)
  if ("x"):rep(3) ~= "pwned" then error("patch did not apply to its own attempt") end
  error("patched string.rep") -- @error
end
