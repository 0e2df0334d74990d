-- tries: debug.sethook() to remove the instruction budget, then loop forever
debug.sethook() -- @error
while true do end
